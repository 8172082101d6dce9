/** Ends an exhaustive switch: adding a case to the union makes the missing branch a type error. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
