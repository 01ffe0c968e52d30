// Types for the part of nlp.js the reader uses (the package ships none).
declare module '@nlpjs/lang-en-min' {
  export class StemmerEn {
    stemWord(word: string): string;
  }
}
