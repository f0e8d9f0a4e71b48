/** Saving files: a native dialog where the host has one (desktop), a download otherwise. */
import { getApi } from '../api/client';
import { store } from '../state/store';

type Filters = readonly { name: string; extensions: readonly string[] }[];

function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Returns false when the user cancelled the dialog. */
export async function saveText(name: string, text: string, mime: string, filters?: Filters): Promise<boolean> {
  if (store.getState().hostInfo?.capabilities.nativeDialogs) {
    const { path } = await getApi().saveFile({ suggestedName: name, data: text, encoding: 'utf8', ...(filters ? { filters } : {}) });
    return path !== null;
  }
  download(name, new Blob([text], { type: mime }));
  return true;
}

/** Binary files (PNG, GIF, WebM); returns false when the user cancelled the dialog. */
export async function saveBlob(name: string, blob: Blob, filters?: Filters): Promise<boolean> {
  if (store.getState().hostInfo?.capabilities.nativeDialogs) {
    const data = toBase64(new Uint8Array(await blob.arrayBuffer()));
    const { path } = await getApi().saveFile({ suggestedName: name, data, encoding: 'base64', ...(filters ? { filters } : {}) });
    return path !== null;
  }
  download(name, blob);
  return true;
}
