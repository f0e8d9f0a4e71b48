/** Saving files: a native dialog where the host has one (desktop), a download otherwise. */
import { getApi } from '../api/client';
import { store } from '../state/store';

export async function saveText(name: string, text: string, mime: string): Promise<void> {
  if (store.getState().hostInfo?.capabilities.nativeDialogs) {
    await getApi().saveFile({ suggestedName: name, data: text, encoding: 'utf8' });
    return;
  }
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
