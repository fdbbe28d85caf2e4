// The one place the domains are connected to each other's events (a domain never imports another
// to keep it in step): every entry point (the app, the command line) calls wireDomains() first.
import { subscribeSearchIndex } from './search/search-index.service.js';
import { subscribeWorkUpkeep } from './works/work-upkeep.js';
import { subscribeFandomIndex } from './tags/fandom-index.service.js';
import { provideFeedback } from './feedback/feedback.wiring.js';
import { subscribeInbox } from './feedback/inbox.service.js';
import { subscribeUpdates } from './feedback/subscription.service.js';
import { provideSeries } from './series/series.wiring.js';
import { subscribeSeriesUpkeep } from './series/series.service.js';
import { provideGifts } from './gifts/gift.wiring.js';
import { subscribeGiftNotices } from './gifts/gift.service.js';
import { provideCollections } from './collections/collection.wiring.js';
import { subscribeFillNotices } from './collections/prompt.service.js';
import { subscribeHolds } from './moderation/held.service.js';
import { provideMutesToTags } from './works/mute.service.js';

let wired = false;

/** Subscribes each domain to the events it follows, once per process. */
export function wireDomains(): void {
  if (wired) return;
  wired = true;
  subscribeSearchIndex();
  subscribeWorkUpkeep();
  subscribeFandomIndex();
  provideFeedback();
  subscribeInbox();
  subscribeUpdates();
  provideSeries();
  subscribeSeriesUpkeep();
  provideGifts();
  subscribeGiftNotices();
  provideCollections();
  subscribeFillNotices();
  subscribeHolds();
  provideMutesToTags();
}
