// pdfjs-dist ships no types for its worker bundle; only its presence is used (see pdf-render.ts).
declare module 'pdfjs-dist/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
