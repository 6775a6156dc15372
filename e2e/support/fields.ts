import type { Locator } from 'playwright-core';

/** The error message announced for a form control: the text it is described by, when it is invalid. */
export async function fieldError(input: Locator): Promise<string | undefined> {
  if ((await input.getAttribute('aria-invalid')) !== 'true') return undefined;
  const ids = (await input.getAttribute('aria-describedby'))?.split(/\s+/).filter(Boolean) ?? [];
  const texts = await Promise.all(
    ids.map((id) =>
      input
        .page()
        .locator(`[id="${id}"]`)
        .textContent()
        .then((text) => text ?? '')
        .catch(() => ''),
    ),
  );
  return texts.join(' ').trim();
}
