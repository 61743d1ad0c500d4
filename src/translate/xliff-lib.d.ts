/** Types for the parts of the `xliff` package used here (it ships none). */
declare module 'xliff/js2xliff' {
  const js2xliff: (obj: import('./xliff.js').XliffJs, options: { indent?: string; targetXliffVersion?: string }) => Promise<string>;
  export default js2xliff;
}
declare module 'xliff/jsToXliff12' {
  const jsToXliff12: (obj: import('./xliff.js').XliffJs, options: { indent?: string; xmlLangAttr?: boolean }) => Promise<string>;
  export default jsToXliff12;
}
