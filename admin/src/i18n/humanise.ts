/** `homeDealershipId` → "Home dealership id", `PENDING_ACTIVATION` → "Pending activation": a label for a name nobody translated yet. */
export function humanise(name: string): string {
  const words = name
    .replace(/_/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
