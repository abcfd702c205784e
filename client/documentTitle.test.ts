import { describe, expect, it } from 'vitest';
import { documentTitle } from './documentTitle.ts';

describe('documentTitle', () => {
  it('names the screen, then its plan, then the app', () => {
    expect(documentTitle('overview', { record: null, plan: 'Förvaltningsplan 2025–2027' })).toBe('Översikt – Förvaltningsplan 2025–2027 – Målbild');
  });

  it('puts a record in place of the screen', () => {
    expect(documentTitle('activity', { record: 'Webbtidböcker', plan: 'Förvaltningsplan 2024' })).toBe('Webbtidböcker – Förvaltningsplan 2024 – Målbild');
  });

  it('says the screen alone outside a plan, and the app alone on the start screen', () => {
    expect(documentTitle('login', { record: null, plan: null })).toBe('Logga in – Målbild');
    expect(documentTitle('home', { record: null, plan: null })).toBe('Målbild');
  });

  it('falls back to the app for a screen without a name', () => {
    expect(documentTitle('unnamed', { record: null, plan: null })).toBe('Målbild');
  });
});
