type TransformArgs = { value: unknown };

/** class-transformer helpers for DTOs: `@Transform(trim)`. Non-strings pass through to validation. */
export const trim = ({ value }: TransformArgs) => (typeof value === 'string' ? value.trim() : value);
export const trimLower = ({ value }: TransformArgs) => (typeof value === 'string' ? value.trim().toLowerCase() : value);
/** Query strings carry booleans as text. */
export const queryBoolean = ({ value }: TransformArgs) => (value === 'true' ? true : value === 'false' ? false : value);

/** `?status=a,b` or repeated `?status=a&status=b` → an array. */
export const commaList = ({ value }: TransformArgs) => (typeof value === 'string' ? value.split(',').map((s) => s.trim()) : value);
