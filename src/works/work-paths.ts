// Addresses of a work's pages, in one place.

export type WorkPaths = { workId: number };

export function workPath(workId: number): string {
  return `/works/${workId}`;
}

export function chapterPath(workId: number, chapterId: number): string {
  return `/works/${workId}/chapters/${chapterId}`;
}

export function fullWorkPath(workId: number): string {
  return `/works/${workId}?view_full_work=true`;
}

export function pseudPath(login: string, pseud: string): string {
  return `/users/${encodeURIComponent(login)}/pseuds/${encodeURIComponent(pseud)}`;
}

/** A creator's pseud page, or null for "Anonymous", which has none. */
export function creatorPath(creator: { login: string | null; pseud: string }): string | null {
  return creator.login === null ? null : pseudPath(creator.login, creator.pseud);
}
