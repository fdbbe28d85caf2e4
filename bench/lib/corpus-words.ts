// The vocabulary of the synthetic story: a harbour town, a lighthouse, two people and a storm.
// Written for Bindery's benchmarks; lists only, the grammar is in corpus.ts.

export const NAMES = ['Mara', 'Tobias', 'Old Quill', 'Ines', 'the harbourmaster', 'Wren', 'Captain Adair'] as const;

export const PRONOUNS = ['she', 'he', 'they', 'nobody', 'someone'] as const;

export const NOUNS = [
  'lamp', 'tide', 'harbour', 'stair', 'window', 'letter', 'kettle', 'rope', 'gull', 'lantern', 'door',
  'ledger', 'wind', 'storm', 'boat', 'shoreline', 'chart', 'compass', 'shawl', 'bell', 'candle',
  'breakwater', 'jetty', 'table', 'cup', 'map', 'coat', 'promise', 'silence', 'voice', 'hand', 'shadow',
  'morning', 'evening', 'rain', 'salt', 'fog', 'beacon', 'oilcan', 'hinge', 'mirror', 'key', 'pocket',
  'net', 'cliff', 'path', 'hearth', 'chair', 'sleeve', 'question', 'answer', 'secret', 'ship', 'cellar',
] as const;

export const ADJECTIVES = [
  'grey', 'narrow', 'old', 'cold', 'bright', 'quiet', 'salt-stained', 'heavy', 'small', 'crooked',
  'patient', 'worn', 'restless', 'pale', 'warm', 'soft', 'familiar', 'distant', 'careful', 'tired',
  'brass', 'wet', 'half-open', 'empty', 'sudden', 'stubborn', 'bitter', 'gentle', 'low', 'endless',
] as const;

export const VERBS = [
  'climbed', 'watched', 'carried', 'counted', 'folded', 'opened', 'closed', 'held', 'found', 'lit',
  'crossed', 'followed', 'touched', 'turned', 'mended', 'read', 'pocketed', 'weighed', 'studied',
  'trimmed', 'polished', 'set down', 'picked up', 'ignored', 'remembered', 'forgot', 'wiped', 'checked',
] as const;

export const INTRANSITIVE = [
  'waited', 'laughed', 'listened', 'hesitated', 'shivered', 'sighed', 'paused', 'nodded', 'lingered',
  'looked away', 'stood very still', 'said nothing', 'breathed out', 'kept walking', 'leaned closer',
] as const;

export const ADVERBS = [
  'slowly', 'carefully', 'again', 'at last', 'without thinking', 'once more', 'quietly', 'too quickly',
  'all the same', 'somehow', 'for a long moment', 'anyway', 'in the dark',
] as const;

export const PREPOSITIONS = ['across', 'beside', 'under', 'over', 'behind', 'towards', 'along', 'through', 'past', 'against', 'near'] as const;

export const CONNECTIVES = [', and ', ', but ', '; ', ' while ', ' until ', ' because ', ', so '] as const;

export const SAID = ['said', 'whispered', 'muttered', 'called', 'answered', 'admitted'] as const;

/** Short lines of speech, with contractions and their own closing punctuation. */
export const SPEECH = [
  'I don’t think the tide will wait for us.',
  'You’re late again.',
  'It isn’t the lamp — it’s the lens.',
  'We’ll need more oil before the week is out.',
  'She’s not coming back tonight, is she?',
  'Tell me what the letter said.',
  'I’ve counted the stairs twice.',
  'That’s not what your mother told me.',
  'Don’t!',
  'Let’s go down to the harbour.',
  'Can you hear the bell?',
  'It’s only the wind…',
  'Who left the cellar door open?',
] as const;
