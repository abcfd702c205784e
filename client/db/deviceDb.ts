import { openDeviceDb } from './database.ts';

/** The app's one device database, opened when first imported. */
export const deviceDb = openDeviceDb();
