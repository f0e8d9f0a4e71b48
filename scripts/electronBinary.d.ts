/** Where Electron's binary is, or null when it is not installed. */
export function electronBinary(): string | null;
