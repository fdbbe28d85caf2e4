// AO3's padlock beside the title of a registered-users-only work, with its alt text and address,
// which readers' tools look for. Only members ever see such a work, so only they see the marker.
import { RESTRICTED_MARKER_URL } from '../../http/assets.js';

/** The padlock after a restricted work's title; nothing for a public one. */
export function RestrictedMarker({ restricted }: { restricted: boolean }) {
  if (!restricted) return null;
  return <> <img class="restricted-marker" alt="(Restricted)" title="Restricted" src={RESTRICTED_MARKER_URL} width="15" height="15" /></>;
}
