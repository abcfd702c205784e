import { defineStore } from 'pinia';
import { readonly, shallowRef } from 'vue';

/** The record a screen shows, named by the screen for the document title; kept with the path it belongs to. */
export interface TitledRecord {
  path: string;
  name: string;
}

/**
 * What the open screen adds to the document title. The screen sets it (usePageTitle); App.vue composes
 * the title from the route and this (useDocumentTitle). The path keeps a screen's name from outliving it.
 */
export const usePageTitleStore = defineStore('pageTitle', () => {
  const record = shallowRef<TitledRecord | null>(null);
  function name(path: string, text: string | null) {
    if (text) record.value = { path, name: text };
    else if (record.value?.path === path) record.value = null;
  }
  return { record: readonly(record), name };
});
