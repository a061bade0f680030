import { reportUnauthorized } from './client';
import { ApiError } from './errors';

export type UploadPhase = 'uploading' | 'processing';

/**
 * POSTs a form with upload progress (fetch cannot report it). Once the body is sent the server is parsing,
 * which the caller shows as a second phase. A 401 sends the user to login like any other request.
 */
export function postFormWithProgress<T>(
  url: string,
  form: FormData,
  onProgress: (phase: UploadPhase, percent: number) => void,
  headers: Record<string, string> = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.responseType = 'json';
    for (const [name, value] of Object.entries(headers)) {
      xhr.setRequestHeader(name, value);
    }
    xhr.upload.onprogress = (event) => {
      onProgress('uploading', event.lengthComputable ? Math.round((event.loaded / event.total) * 100) : 0);
    };
    xhr.upload.onload = () => onProgress('processing', 100);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(xhr.response as T);
      } else {
        reportUnauthorized(xhr.status, url);
        reject(ApiError.fromBody(xhr.status, xhr.response));
      }
    };
    xhr.onerror = () => reject(new ApiError(0, 'network'));
    xhr.send(form);
  });
}
