/** antd types a button's props without data attributes, though it passes them on. */
export function testId(id: string): Record<`data-${string}`, string> {
  return { 'data-testid': id };
}
