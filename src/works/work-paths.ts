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
