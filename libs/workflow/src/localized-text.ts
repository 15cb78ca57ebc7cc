/** Every user-facing string exists in Polish (the interface language) and English. */
export interface LocalizedText {
  pl: string;
  en: string;
}
