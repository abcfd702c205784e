import { t } from './strings/index.ts';

/**
 * A screen's document title: "Översikt – Förvaltningsplan 2025–2027 – Målbild". A record's name stands in
 * for the screen's ("<activity> – <plan> – Målbild"); the start screen is the app's name alone.
 */
export function documentTitle(routeName: string, { record, plan }: { record: string | null; plan: string | null }): string {
  const screen = record ?? (routeName === 'home' ? null : t.titles.screens[routeName]);
  return t.titles.join([screen, plan, t.appName].filter((part): part is string => !!part));
}
