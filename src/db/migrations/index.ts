// The ordered list of migrations; add new ones at the end, never edit old ones.
import type { Migration } from 'kysely';
import * as m001 from './001_core.js';
import * as m002 from './002_tags_and_filters.js';
import * as m003 from './003_tag_word_prefix_index.js';
import * as m004 from './004_listing_indexes.js';
import * as m005 from './005_search.js';
import * as m006 from './006_imports.js';
import * as m007 from './007_counters.js';
import * as m008 from './008_archive_settings.js';
import * as m009 from './009_kudos.js';
import * as m010 from './010_comments.js';
import * as m011 from './011_bookmarks.js';
import * as m012 from './012_inbox_and_mail.js';
import * as m013 from './013_subscriptions.js';
import * as m014 from './014_hits.js';
import * as m015 from './015_readings.js';
import * as m016 from './016_mail_digest.js';
import * as m017 from './017_series.js';
import * as m018 from './018_series_bookmarks.js';
import * as m019 from './019_gifts.js';
import * as m020 from './020_collections.js';
import * as m021 from './021_prompts.js';
import * as m022 from './022_exchanges.js';
import * as m023 from './023_contests.js';
import * as m024 from './024_creator_invitations.js';
import * as m025 from './025_work_relations.js';
import * as m026 from './026_account_safety.js';
import * as m027 from './027_moderation.js';
import * as m028 from './028_blocks.js';
import * as m029 from './029_invitations.js';
import * as m030 from './030_mutes.js';
import * as m031 from './031_spam_and_site.js';
import * as m032 from './032_reading_preferences.js';
import * as m033 from './033_jobs.js';
import * as m034 from './034_search_rum.js';
import * as m035 from './035_search_pairs.js';
import * as m036 from './036_search_prefixes.js';
import * as m037 from './037_works_visible_ids.js';
import * as m038 from './038_kudos_counted.js';

export const migrations: Record<string, Migration> = {
  '001_core': m001,
  '002_tags_and_filters': m002,
  '003_tag_word_prefix_index': m003,
  '004_listing_indexes': m004,
  '005_search': m005,
  '006_imports': m006,
  '007_counters': m007,
  '008_archive_settings': m008,
  '009_kudos': m009,
  '010_comments': m010,
  '011_bookmarks': m011,
  '012_inbox_and_mail': m012,
  '013_subscriptions': m013,
  '014_hits': m014,
  '015_readings': m015,
  '016_mail_digest': m016,
  '017_series': m017,
  '018_series_bookmarks': m018,
  '019_gifts': m019,
  '020_collections': m020,
  '021_prompts': m021,
  '022_exchanges': m022,
  '023_contests': m023,
  '024_creator_invitations': m024,
  '025_work_relations': m025,
  '026_account_safety': m026,
  '027_moderation': m027,
  '028_blocks': m028,
  '029_invitations': m029,
  '030_mutes': m030,
  '031_spam_and_site': m031,
  '032_reading_preferences': m032,
  '033_jobs': m033,
  '034_search_rum': m034,
  '035_search_pairs': m035,
  '036_search_prefixes': m036,
  '037_works_visible_ids': m037,
  '038_kudos_counted': m038,
};
