/** FormData as a plain object: repeated names become arrays; files and React's `$ACTION` fields are left out. */
export function formDataToObject(formData: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value !== "string" || name.startsWith("$ACTION")) continue;
    const existing = values[name];
    values[name] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return values;
}

const secretFields = /password|secret|token/i;

/** What a form may show again after a failed save: everything typed except secrets, which are never echoed. */
export function echoableValues(values: Record<string, string | string[]>): Record<string, string | string[]> {
  return Object.fromEntries(Object.entries(values).filter(([name]) => !secretFields.test(name)));
}
