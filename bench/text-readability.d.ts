// The part of text-readability (a port of Python's textstat) that we use.
declare module 'text-readability' {
  const readability: { fleschKincaidGrade(text: string): number };
  export default readability;
}
