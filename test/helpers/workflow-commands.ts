/**
 * A GitHub Actions workflow command read back as the runner does: `::error k=v,k=v::message`,
 * properties split on `,` and the first `=`, then unescaped. Undefined for any other line.
 */
export function parseCommand(line: string): { severity: string; properties: Record<string, string>; message: string } | undefined {
  const match = /^::(error|warning) (.+?)::(.*)$/.exec(line);
  if (!match) return undefined;
  const [, severity = '', props = '', message = ''] = match;
  const unescaped = (text: string) => text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
  const properties = Object.fromEntries(
    props.split(',').map((pair) => {
      const at = pair.indexOf('=');
      return [pair.slice(0, at), unescaped(pair.slice(at + 1))];
    }),
  );
  return { severity, properties, message: unescaped(message) };
}
