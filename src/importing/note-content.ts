// Notes that carry no label, found by what they say. A writer's note talks about the writing
// (this fic, the next chapter, a beta, a prompt, a fest), the fandom (canon, the ship, the
// finale), the posting (updates, tumblr) or to the readers (thanks for reading, hope you enjoyed
// it, let me know); story paragraphs talk about people in a place. Each cue adds its weight and
// a paragraph is a note at NOTE_SCORE. Dialogue, letters and diaries inside the story speak to
// someone too, so quotation and the shapes of letters count against.
//
// The cues were chosen on note-examples/dev.txt and are measured on held-out.txt, written apart
// from them (bench/import-notes.ts prints both; note-content.test.ts holds them).

/** Where in a chapter the paragraph stands: before the story or after it. */
export type NotePlace = 'start' | 'end';

type Cue = readonly [weight: number, pattern: RegExp, place?: NotePlace];

/** At this score a paragraph is a note. */
export const NOTE_SCORE = 3;

const CUES: readonly Cue[] = [
  // The writing itself.
  [3, /\b(?:this|my|the|that)\s+(?:(?:first|last|new|little|next)\s+)?(?:fic|fanfic|one-?shot|drabble|ficlet|wip|oneshot|au)\b/i],
  [2, /\b(?:fic|fics|fanfic|fanfiction|one-?shots?|drabbles?|ficlets?|wips?)\b/i],
  [3, /\b(?:kudos|con-?crit|unbeta|beta(?:s|'d|’d|ed|-?read(?:er)?)?|betaed|cheerleaders?)\b/i],
  [2, /\b(?:(?:this|next|last|the\s+(?:next|last|previous))\s+(?:chapter|update|part|instal+ment)|next\s+time|chapter\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+))\b/i],
  [2, /\b(?:writing|wrote|write|rewrote|written|outlined|posting|posted|post)\s+(?:this|it|that|the\s+(?:ending|rest|next))\b(?!\s+down)/i],
  [2, /\b(?:fun\s+(?:to\s+write|writing)|fun\s+fact|shout-?out|that's\s+all\s+for\s+now|that’s\s+all\s+for\s+now|more\s+soon|every\s+(?:other\s+)?(?:chapter|week|\w+day))\b/i],
  [1, /\b(?:this|that)\s+one\b|\bbuckle\s+up\b|\bjust\s+so\s+you\s+know\b|\bin\s+case\s+(?:that|it)\s+isn['’]t\s+clear\b/i],
  [2, /\b(?:(?:be|go(?:es)?|going)\s+up\s+(?:on|tomorrow|next|soon|this|in)|the\s+(?:epilogue|next\s+part|next\s+one|first\s+chapter|last\s+few\s+chapters)|co-?written|(?:inspired|loosely\s+based)\s+(?:by|on))\b/i],
  [3, /\b(?:forgive|excuse|point\s+out|spotted|spot|tell\s+me\s+about)\b[^.!?]{0,40}\b(?:typos?|mistakes|inaccuracies|errors|weirdness)\b|\b(?:typos?|mistakes)\s+are\s+(?:all\s+)?(?:mine|my\s+own)\b/i],
  [2, /\b(?:some|those|all|many|most)\s+of\s+you\b|^welcome\s+back\b|\blast\s+time\b|\bsupposed\s+to\s+be\s+(?:a|an|\d)/i],
  [2, /\b(?:your|the|all\s+the|every)\s+(?:comments|reviews|kudos|feedback)\b|\banswering\s+comments\b/i],
  [3, /^(?:inspired|loosely\s+based|based)\s+(?:by|on)\b/i, 'start'],
  [1, /\bbook\s+(?:one|two|three|four|five|\d)\b|\bthe\s+game\b/i],
  [2, /^(?:many\s+|huge\s+|big\s+|endless\s+|special\s+|so\s+many\s+)?(?:thanks|thank\s+you|ty)\b(?!\s+to\s+(?:him|her|them|his|their|its|it)\b)/i],
  [1, /\bI\s+(?:swear|promise)\b/],
  [2, /^happy\s+[\p{L} ]{2,30}[!,]/iu],
  [1, /\bsorry\s*!|\bsorry\s*$/i],
  [2, /\bI(?:'ve|’ve|\s+have|'m|’m|\s+am)?\s+(?:been\s+)?(?:writing|wrote|posted|posting|rewrote|rewriting|outlining|finished|stuck\s+on)\b(?!\s+(?:it|this|that)\s+down)/i],
  [2, /\bmy\s+(?:work|works|writing|stories|fics)\b|^posted\b|\byou\s+know\s+who\s+you\s+are\b/i],
  [2, /\b(?:sorry|apologies)\b[^.!?]{0,30}\b(?:everyone|guys|y'all|y’all|for\s+the\s+(?:wait|delay|late))\b/i],
  [3, /\bfill(?:ing|ed|s)?\s+(?:the|a|this|your|my)\s+(?:["“]?[\w-]+(?:\s+[\w-]+)?["”]?\s+)?(?:prompt|square)/i],
  [2, /\b(?:my|the)\s+(?:muse|drafts|ask\s?box|inbox|artist|betas?|other\s+(?:fics?|works?|wips?))\b/i],
  [3, /\b(?:don't|don’t|do\s+not)\s+own\b|\bbelongs?\s+to\s+(?:their|its|the)\s+(?:creators?|owners?|respective)|\bjust\s+borrowing\b/i],
  [3, /\btitle\s+(?:comes\s+|is\s+|taken\s+)?from\b/i],
  [2, /\b(?:translat(?:ion|ed|ing|e)|remix(?:ed)?)\b/i],
  [1, /\b(?:permission|the\s+(?:original|sequel|prequel|first\s+part|summary))\b/i],
  // The fandom.
  [2, /\b(?:canon|headcanons?|fandoms?|otps?|rarepairs?|pairings?|shipping|shippers?|(?:this|my|our|that|a)\s+ship|ship\s+(?:them|these|those)|ooc|pov|fix-it|slow[\s-]burn|fluff|angst|smut|hurt\/comfort|found\s+family|self-indulgent|crossover|spoilers?|the\s+tags|bingo|tropes?|femslash|fan\s?art|whump)\b/i],
  [2, /\bAUs?\b/],
  [1, /\b(?:seasons?\s+(?:one|two|three|four|five|\d+)|episodes?|finale|the\s+(?:show|movie|film|series|comic|game|trailer)|time[\s-]?skip|pre-canon|post-canon)\b/i],
  // Where it was written for.
  [3, /^(?:this\s+(?:was|is)\s+|it\s+was\s+)?(?:written|made)\s+for\b/i],
  [2, /\b(?:prompts?|prompter|big\s+bang|fest|zine|exchange|swap|challenge|rarepair\s+week|anon|ask\s+box|gift\s+for|written\s+for|my\s+entry|entry\s+for|fill(?:ing|ed)?\s+(?:the|a|this|for))\b/i],
  // Where it is posted.
  [2, /\b(?:tumblr|discord|twitter|ao3|ffn|ffnet|wattpad|my\s+profile|repost|cross-?post(?:ed)?|hiatus|sequel|buffer|updates?|updating)\b|(?:^|\s)@\w{3,}/i],
  [1, /\b(?:readers|comments?|reviews?|feedback|subscribers?|kudoed|bookmarks?)\b/i],
  // Speaking to readers.
  [2, /\b(?:thanks|thank\s+you|ty|thx)\b[^.!?]{0,60}?\b(?:for|to)\s+(?:reading|all|every|everyone|my|the|your|you|sticking|waiting|being|coming|following|leaving|commenting|the)\b/i],
  [2, /\bhope\s+(?:you|y'all|y’all|everyone|whoever)\s+(?:all\s+)?(?:enjoy|like|love|had|have|found|are|get|gets|feel)|\bhope\s+(?:this|it|that|it['’]s)\s+(?:hits|makes|was|is|what|lives|lived|helps|brightens|does)\b/i],
  [2, /\b(?:let\s+me\s+know|see\s+you|until\s+next\s+time|stay\s+tuned|bear\s+with\s+me|keep\s+an\s+eye|come\s+(?:find|yell\s+at|talk\s+to|say\s+hi)|feel\s+free|love\s+you\s+all|sorry\s+(?:for|about)\s+the\s+(?:wait|delay)|sorry\s+it\s+took)\b/i],
  [1, /\b(?:you\s+all|y'?all|y’all|everyone|you\s+guys|lovelies|friends)\b/i],
  [3, /^(?:enjoy|please\s+enjoy|happy\s+reading|hope\s+you\s+enjoy)\b/i, 'start'],
  // Before the story: warnings, where it sits in canon, who it is for.
  [3, /\b(?:(?:trigger|content|archive)\s+warnings?|tw|cw|heads\s+up|mind\s+the\s+tags|major\s+character\s+death|please\s+(?:take\s+care|skip|be\s+careful))\b/i, 'start'],
  [3, /^(?:warnings?\b|contains\b|rated\b|deals\s+with\b|mentions?\s+of\b|AU\b|my\s+(?:entry|piece|fill|submission)\b)/i, 'start'],
  [3, /^(?:next\s+time|coming\s+up)\s*:/i, 'end'],
  [2, /\b(?:set|takes\s+place|taking\s+place|happens|timeline(?:-wise)?)\b[^.!?]{0,60}?\b(?:after|before|during|between|pre|post)\b/i, 'start'],
  [2, /\b(?:canon\s+divergence|ignores|assumes\s+you've|assumes\s+you’ve)\b/i, 'start'],
  [3, /^(?:for|to)\s+(?:my|the|everyone|anyone|all|\p{Ll}+\d*\b)/iu, 'start'],
  [2, /^(?:dedicated\s+to|happy\s+(?:birthday|anniversary|holidays)|a\s+(?:little\s+)?(?:something|gift|treat)\s+for)\b/i, 'start'],
  [2, /\b(?:first\s+(?:fic|story|work)|english\s+isn't|english\s+is\s+not|not\s+beta|mistakes\s+are\s+(?:mine|my\s+own))\b/i],
  // The way people write online.
  [1, /(?:^|\s)(?::\)|:-\)|:D|:P|;\)|<3+|xD|XD|\^\^|:'\)|:’\))(?=\s|$|[.!,])/],
  [1, /\b(?:lol|lmao|omg|tbh|brb|idk|ok|okay|whoops|oops|haha\w*|a{3,}h*|ugh)\b/i],
  [1, /!!|\?\?/],
  [1, /(?:^|[.!?]\s+)i\s|^[\p{Ll}]/u],
  // The writer speaking about themselves.
  [1, /\b(?:I'm|I’m|I\s+am|I've|I’ve|I\s+have|I\s+had|I\s+was|I\s+know|I\s+promise|I\s+think|I\s+can't|I\s+can’t)\b/],
];

/** Capitalised words that start sentences without naming anyone. */
const NOT_NAMES = 'You|We|Our|My|Your|Next|Last|This|That|It|There|These|Those|Here|What|Which|Who|Everything|Nothing|Something|Everyone|Someone|Nobody|Today|Tonight|Yesterday|Posted|Written|Updated|Dedicated|Inspired|Based|Loosely|Okay|So|And|But|Also|Honestly|Anyway|Sorry';

const AGAINST: readonly Cue[] = [
  // Dialogue: the paragraph opens with a quotation, or carries a speech tag.
  [5, /^\s*["“‘'«„]/],
  [4, /["”’]\s*,?\s+(?:\p{Lu}[\p{Ll}'’-]+|he|she|they|I|we|you)\s+(?:said|asked|whispered|murmured|called|told|replied|added|mumbled|muttered|shouted|bellowed|promised|admitted|wrote|read|sang|snapped)\b/u],
  [4, /\b(?:said|asked|whispered|murmured|called|replied|mumbled|shouted|bellowed)\s+(?:\p{Lu}[\p{Ll}'’-]+|he|she|they)\b/u],
  [4, /,\s+(?:he|she|they|I|we|\p{Lu}\p{Ll}+)\s+(?:said|asked|whispered|murmured|replied|mumbled|muttered|shouted|added|admitted)\b/u],
  // Letters and diaries inside the story.
  [4, /^(?:dear\s+(?!reader|readers|all|everyone)|diary\b|to\s+whoever\b)/i],
  [3, /\b(?:yours(?:\s+(?:truly|always|ever|sincerely))?|sincerely|your\s+(?:loving|devoted|sister|brother|friend|mother|father|son|daughter|husband|wife)|with\s+love\s+and)\b\s*[,—-]/i],
  [4, /\bdiary\b|\bthis\s+(?:letter|entry|journal)\b/i],
  // Narration: a thing or a person in the past tense ("The update finished installing").
  [4, /^the\s+(?:[\p{L}'’-]+\s+){1,6}(?:\p{Ll}+ed|was|were|had|arrived|went|came|began|fell|stood|sat)\b/iu],
  // Words quoted from a sign, a note or a card in the story: "Enjoy your stay, said the sign".
  [4, /,\s+(?:said|read|began|went)\s+(?:the|a|his|her|their)\b|,\s+(?:the|a|his|her|their)\s+(?:[\p{L}'’-]+\s+){0,6}(?:began|read|said|went|ran)\b/iu],
  // Narration: someone by name doing something in the past tense.
  [3, new RegExp(`(?:^|[^.!?]\\s|[.!?]\\s+)(?!(?:${NOT_NAMES})\\b|\\p{Lu}\\p{Ll}+ly\\b)(?:\\p{Lu}\\p{Ll}+(?:'s|’s)?|He|She|They)\\s+(?:\\p{Ll}+ed|was|were|had|hit|knew|took|sat|stood|went|saw|felt|said|kept|thought|made|found|ran|came|put|set|told)\\b`, 'u')],
  [2, /\b(?:her|his|their)\s+(?:fic|story|novel|book|manuscript|chapters?)\b/i],
];

const THIRD_PERSON = /\b(?:he|she|him|his|her|hers)\b/gi;

/** How much a paragraph reads like a writer's note rather than the story, at the start or end of a chapter. */
export function noteScore(text: string, place: NotePlace): number {
  const line = text.trim().replace(/\s+/g, ' ');
  let score = 0;
  for (const [weight, pattern, only] of CUES) if ((only === undefined || only === place) && pattern.test(line)) score += weight;
  for (const [weight, pattern, only] of AGAINST) if ((only === undefined || only === place) && pattern.test(line)) score -= weight;
  // A short line that already reads a little like a note is a sign-off ("See you next week!").
  if (score >= 2 && line.split(' ').length <= 12) score += 1;
  // Story is told about people; a note speaks as "I" to "you".
  if ((line.match(THIRD_PERSON) ?? []).length >= 3) score -= 2;
  return score;
}

/** True when a paragraph at the start or end of a chapter says what a writer's note says. */
export function readsAsNote(text: string, place: NotePlace): boolean {
  return noteScore(text, place) >= NOTE_SCORE;
}
