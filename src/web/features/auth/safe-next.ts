/** Only same-site paths may be returned to after sign-in, so a crafted link cannot send people elsewhere. */
export function safeNext(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  return next;
}
