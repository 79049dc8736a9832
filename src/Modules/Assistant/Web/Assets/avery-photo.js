// Profile photo from the chat (spec Ticket 4.3): pick or take a photo, crop it to a centred
// square, resize to 800×800, encode JPEG (quality 0.85) and upload it. Re-encoding on a canvas
// also drops the camera's EXIF/GPS data before anything leaves the device; the server strips
// metadata again and checks the bytes itself.

import { antiforgeryToken, AveryHttpError } from './avery-client.js';

export const PHOTO_SIZE = 800;
export const PHOTO_QUALITY = 0.85;
const MIN_SIDE = 100;

export class PhotoError extends Error {}

/**
 * Opens the file picker. Must be called synchronously from a click (browsers only open pickers
 * on a user gesture). Resolves with the chosen file, or null when the coach cancels.
 * capture: true opens the front camera on phones (the "Take selfie" path).
 */
export function choosePhoto({ capture = false, container = document.body } = {}) {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = 'image/*';
    if (capture) input.setAttribute('capture', 'user');
    input.hidden = true;
    input.tabIndex = -1;
    const done = (file) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => done(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => done(null), { once: true });
    container.append(input);
    input.click();
  });
}

/** Phones and tablets: a coarse pointer and no hover. Used to offer the camera. */
export function isMobile() {
  return window.matchMedia?.('(pointer: coarse) and (hover: none)').matches ?? false;
}

async function decode(file) {
  if ('createImageBitmap' in window) {
    try {
      return await createImageBitmap(file, { imageOrientation: 'from-image' });
    } catch {
      // Fall through to the <img> path (older Safari, unusual formats the browser still shows).
    }
  }

  // The page's CSP allows data: images but not blob:, so read the file as a data URL.
  const dataUrl = await new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.addEventListener('load', () => resolve(reader.result));
    reader.addEventListener('error', () => reject(reader.error));
    reader.readAsDataURL(file);
  });
  const image = new Image();
  image.src = dataUrl;
  try {
    await image.decode();
  } catch {
    throw new PhotoError('That file doesn’t look like a photo your browser can open. Try a JPEG or PNG.');
  }
  return image;
}

/** Centred square crop, resized to size×size, as a JPEG blob. */
export async function squareJpeg(file, size = PHOTO_SIZE, quality = PHOTO_QUALITY) {
  if (file.type && !file.type.startsWith('image/')) {
    throw new PhotoError('Please choose an image file (JPEG, PNG or WebP).');
  }
  const source = await decode(file);
  const width = source.naturalWidth ?? source.width;
  const height = source.naturalHeight ?? source.height;
  if (!width || !height) throw new PhotoError('That photo couldn’t be read. Try another one.');
  if (Math.min(width, height) < MIN_SIDE) {
    throw new PhotoError(`That photo is only ${width}×${height} pixels. Please choose one at least ${MIN_SIDE} pixels on each side.`);
  }

  const side = Math.min(width, height);
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, size, size);
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.drawImage(source, (width - side) / 2, (height - side) / 2, side, side, 0, 0, size, size);
  source.close?.();

  const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
  if (!blob) throw new PhotoError('Your browser couldn’t prepare the photo. Try another one.');
  return blob;
}

/** POST /avery/photo (multipart, field "photo", antiforgery header). Resolves with the stored photo's URL. */
export async function uploadPhoto(blob, { origin = location.origin } = {}) {
  const token = await antiforgeryToken(origin);
  const form = new FormData();
  form.append('photo', blob, 'photo.jpg');
  let response;
  try {
    response = await fetch(`${origin}/avery/photo`, {
      method: 'POST',
      body: form,
      credentials: origin === location.origin ? 'same-origin' : 'include',
      headers: { Accept: 'application/json', RequestVerificationToken: token },
    });
  } catch {
    throw new PhotoError('The upload didn’t go through. Check your connection and try again.');
  }
  if (!response.ok) {
    let detail = null;
    try {
      const problem = await response.json();
      detail = problem.detail || problem.title || null;
    } catch {
      // Not problem details: fall back to the status.
    }
    if (response.status === 401 || response.status === 403) throw new AveryHttpError(response.status, 'Please sign in again to upload a photo.');
    throw new PhotoError(detail ?? `The upload failed (${response.status}). Try again.`);
  }
  const body = await response.json();
  if (typeof body.url !== 'string') throw new PhotoError('The upload answered without a photo address.');
  return body.url;
}
