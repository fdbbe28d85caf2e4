// Word lists for the synthetic archive: invented fandoms, people, tags, titles and logins.
// Written for Bindery's benchmarks; lists only, the rules that combine them are in archive-*.ts.

/** Words that make up invented fandom names ("Hollow Crown", "The Lantern Chronicles"). */
export const FANDOM_ADJECTIVES = [
  'Crimson', 'Hollow', 'Silver', 'Broken', 'Last', 'Hidden', 'Iron', 'Gilded', 'Silent', 'Burning', 'Winter',
  'Shattered', 'Endless', 'Sunken', 'Wild', 'Paper', 'Glass', 'Ashen', 'Golden', 'Starlit', 'Forgotten',
  'Northern', 'Violet', 'Scarlet', 'Midnight', 'Copper', 'Obsidian', 'Velvet', 'Emerald', 'Drowned',
  'Clockwork', 'Wandering', 'Pale', 'Little', 'Second', 'Seventh', 'Distant', 'Electric', 'Quiet', 'Savage',
] as const;

export const FANDOM_NOUNS = [
  'Crown', 'Harbour', 'Lantern', 'Throne', 'Tide', 'Empire', 'Garden', 'Academy', 'Signal', 'Circus',
  'Orchard', 'Citadel', 'Kingdom', 'Station', 'Bridge', 'Compass', 'Forest', 'Frontier', 'Hearts', 'Wolves',
  'Ravens', 'Saints', 'Knights', 'Stars', 'Engines', 'Gods', 'Witches', 'Pilots', 'Hunters', 'Detectives',
  'Moon', 'River', 'Ocean', 'Island', 'Tower', 'Manor', 'Archive', 'Carnival', 'Republic', 'Mirror',
] as const;

export const FANDOM_PLACES = [
  'Veymoor', 'Astrand', 'Kelloway', 'Duskmere', 'Oraven', 'Talvik', 'Brightwater', 'Caelum', 'Norhollow',
  'Essling', 'Marrow Bay', 'Quillon', 'Saltreach', 'Ysolde', 'Harrowgate', 'Ferncliff', 'Lumen City', 'Ondria',
] as const;

export const FANDOM_SERIES = [
  'Chronicles', 'Saga', 'Cycle', 'Files', 'Diaries', 'Protocol', 'Legacy', 'Society', 'Trilogy', 'Mysteries',
  'Adventures', 'Affair', 'Club', 'Project', 'Tapes', 'Years',
] as const;

/** How a fandom's medium shows in its name, AO3 style. */
export const MEDIA = ['TV', 'Anime', 'Video Game', 'Comics', 'Movies', 'Cartoon', 'Manga', 'Podcast', 'Webcomic', 'Visual Novel', 'Radio'] as const;

export const NOVELISTS = [
  'R. Ashgrove', 'M. T. Calder', 'Imogen Hale', 'J. Okafor', 'Sana Whitlock', 'Petra Lind', 'D. N. Moreau',
  'Arlo Fenwick', 'Yusra Bell', 'K. L. Tamsin',
] as const;

/** Characters' names; the same full name in two fandoms is told apart as AO3 does, "Name (Fandom)". */
export const FIRST_NAMES = [
  'Mara', 'Tobias', 'Ines', 'Wren', 'Adair', 'Juno', 'Felix', 'Ada', 'Rowan', 'Silas', 'Nadia', 'Theo', 'Iris',
  'Caspian', 'Mei', 'Oskar', 'Lena', 'Dario', 'Hana', 'Emeric', 'Priya', 'Cass', 'Elio', 'Freya', 'Anwen',
  'Kenji', 'Noor', 'Rafael', 'Sunniva', 'Bram', 'Talia', 'Idris', 'Yara', 'Leopold', 'Aurelie', 'Matteo',
  'Saoirse', 'Jonah', 'Esme', 'Ravi', 'Odile', 'Kit', 'Marguerite', 'Lior', 'Zofia', 'Benedikt', 'Amara',
  'Corin', 'Vesna', 'Hugo', 'Aiko', 'Lucan', 'Perpetua', 'Ezra', 'Maren', 'Tomas', 'Celeste', 'Dmitri',
  'Ife', 'Jasper', 'Rosalind', 'Anselm', 'Clio', 'Gideon', 'Ilse', 'Nikolai', 'Delphine', 'Arjun', 'Beatrix',
  'Soren', 'Thea', 'Malachi', 'Ottilie', 'Yusuf', 'Greer', 'Lorcan', 'Mirela', 'Quentin', 'Sabine', 'Ulric',
  'Viola', 'Wilhelmina', 'Xavi', 'Zelda', 'Alistair', 'Bianca', 'Cormac', 'Dagny', 'Evander', 'Fenna',
] as const;

export const LAST_NAMES = [
  'Quill', 'Fenn', 'Adair', 'Ashdown', 'Blackwood', 'Carrow', 'Delacroix', 'Everly', 'Farrow', 'Greaves',
  'Holloway', 'Ironside', 'Jansen', 'Kestrel', 'Lindqvist', 'Marlowe', 'Nakamura', 'Okonkwo', 'Pemberton',
  'Quintero', 'Rosenthal', 'Sato', 'Thorne', 'Underhill', 'Valdez', 'Whitmore', 'Yilmaz', 'Zeller', 'Arden',
  'Bellweather', 'Castellan', 'Dunmore', 'Estrada', 'Fairchild', 'Grimsby', 'Hartigan', 'Ivanova', 'Jaworski',
  'Kowalczyk', 'Larkspur', 'Moreau', 'Novak', 'Oyelaran', 'Petrov', 'Rasmussen', 'Sinclair', 'Takahashi',
  'Vance', 'Winslow', 'Achterberg', 'Brennan', 'Corvin', 'Drummond', 'Ellery', 'Fontaine', 'Gallagher', 'Hale',
  'Inglewood', 'Kaur', 'Lockhart', 'Mbeki', 'Nightingale', 'Ortega', 'Prescott', 'Rook', 'Stroud', 'Tremaine',
] as const;

/** Syllables for invented given names and surnames, so thousands of characters rarely share a name. */
export const NAME_STARTS = [
  'Ael', 'Bran', 'Cae', 'Dar', 'El', 'Fen', 'Gal', 'Hal', 'Isl', 'Jor', 'Kal', 'Lys', 'Mor', 'Nym', 'Or', 'Per',
  'Quen', 'Ros', 'Sel', 'Tam', 'Ul', 'Val', 'Wyn', 'Yor', 'Zan', 'Ash', 'Bel', 'Cor', 'Dun', 'Ev',
] as const;

export const NAME_ENDS = [
  'a', 'ith', 'wen', 'ric', 'ona', 'iel', 'an', 'ys', 'ora', 'ek', 'ine', 'ar', 'is', 'eth', 'ia', 'or', 'ette',
  'wyn', 'ius', 'ara', 'en', 'ix', 'elle', 'ander', 'ic', 'yn', 'aya', 'o', 'ren', 'esh',
] as const;

export const SURNAME_ENDS = [
  'wick', 'ford', 'ley', 'more', 'ridge', 'ton', 'shaw', 'brook', 'field', 'wood', 'hart', 'by', 'well', 'stone',
  'vale', 'croft', 'bury', 'hollow', 'mere', 'gate', 'thorne', 'man', 'son', 'ovic', 'escu', 'ani', 'berg', 'strom', 'dottir', 'ez',
] as const;

/** Additional tags readers use most, in about the order of their popularity. */
export const COMMON_FREEFORMS = [
  'Fluff', 'Angst', 'Hurt/Comfort', 'Romance', 'Alternate Universe - Modern Setting', 'Humor', 'Friendship',
  'Established Relationship', 'Angst with a Happy Ending', 'Slow Burn', 'Fluff and Angst', 'Found Family',
  'Alternate Universe - Canon Divergence', 'Smut', 'Canon Compliant', 'Pining', 'Friends to Lovers',
  'Post-Canon', 'Character Study', 'Family', 'Drama', 'Mutual Pining', 'Enemies to Lovers', 'Missing Scene',
  'Domestic Fluff', 'Implied/Referenced Character Death', 'First Kiss', 'Light Angst', 'Whump', 'Happy Ending',
  'Hurt No Comfort', 'Emotional Hurt/Comfort', 'Oral Sex', 'Anal Sex', 'Minor Character Death', 'Canon Divergence',
  'Alternate Universe - Coffee Shops & Cafés', 'Alternate Universe - High School', 'Alternate Universe - College/University',
  'Alternate Universe - Soulmates', 'Alternate Universe - Fantasy', 'Alternate Universe - Royalty',
  'Time Travel', 'Fix-It', 'Grief/Mourning', 'Nightmares', 'Cuddling & Snuggling', 'Kissing', 'Crack',
  'Crack Treated Seriously', 'Introspection', 'Misunderstandings', 'Getting Together', 'Love Confessions',
  'Secret Relationship', 'Fake/Pretend Relationship', 'Sharing a Bed', 'Only One Bed', 'Hand Holding',
  'Protective Siblings', 'Sibling Bonding', 'Parent-Child Relationship', 'Bad Parenting', 'Child Abuse',
  'Panic Attacks', 'Anxiety', 'Depression', 'Self-Harm', 'Suicidal Thoughts', 'Trauma', 'PTSD',
  'Recovery', 'Mental Health Issues', 'Sick Character', 'Injury', 'Blood and Injury', 'Violence',
  'Graphic Violence', 'Canon-Typical Violence', 'Torture', 'Kidnapping', 'Rescue', 'Action/Adventure',
  'Mystery', 'Horror', 'Suspense', 'Thriller', 'Tragedy', 'Poetry', 'Drabble', 'Ficlet', 'One Shot',
  'Short & Sweet', 'Songfic', 'Crossover', 'Soulmates', 'Magic', 'Vampires', 'Werewolves',
  'Dragons', 'Mermaids', 'Ghosts', 'Demons', 'Angels', 'Space Opera', 'Pirates', 'Royalty', 'Christmas',
  'Halloween', 'Birthday', 'Valentine’s Day', 'Holidays', 'Road Trip', 'Summer', 'Rain', 'Snow',
  'Tea', 'Cooking', 'Baking', 'Letters', 'Dreams', 'Memories', 'Flashbacks', 'Epilogue', 'Prologue',
] as const;

/** Pieces that generate the long tail of additional tags. */
export const AU_SETTINGS = [
  'Space', 'Pirates', 'Mafia', 'Hospital', 'Office', 'Bakery', 'Bookstore', 'Circus', 'Victorian', 'Regency',
  'Western', 'Apocalypse', 'Zombies', 'Superheroes', 'Spies', 'Magic School', 'Military', 'Sports',
  'Band', 'Small Town', 'Road Trip', 'Florist', 'Tattoo Artist', 'Teachers', 'Lighthouse', 'Summer Camp',
  'Cyberpunk', 'Steampunk', 'Noir', 'Historical', 'Medieval', 'Ancient Rome', 'Greek Mythology', 'Fairy Tale',
  'Dystopia', 'Post-Apocalypse', 'Ballet', 'Theatre', 'Museum', 'Library', 'Train', 'Shipwreck', 'Island',
  'Roommates', 'Neighbours', 'Online Friends', 'Pen Pals', 'Wedding', 'Reality Show', 'Heist',
] as const;

export const TRAITS = [
  'Protective', 'Jealous', 'Oblivious', 'Soft', 'Grumpy', 'Sunshine', 'Clueless', 'Reluctant', 'Secretly Soft',
  'Competent', 'Bad at Feelings', 'Touch-Starved', 'Sleep-Deprived', 'Sarcastic', 'Lonely', 'Stubborn',
  'Overprotective', 'Dramatic', 'Anxious', 'Possessive', 'Bisexual', 'Trans', 'Nonbinary', 'Asexual',
  'Aromantic', 'Lesbian', 'Gay', 'Autistic', 'Disabled', 'Blind', 'Deaf', 'Chronically Ill',
] as const;

export const ROLES = [
  'Lover', 'Sibling', 'Best Friend', 'Mentor', 'Rival', 'Parent', 'Captain', 'Healer', 'Knight', 'Prince',
  'Princess', 'Apprentice', 'Detective', 'Thief', 'Soldier', 'Scholar', 'Pilot', 'Witch', 'Bard', 'Ghost',
] as const;

export const TROPE_NOUNS = [
  'Thunderstorms', 'Candlelight', 'Secrets', 'Scars', 'Promises', 'Bargains', 'Curses', 'Lanterns', 'Letters',
  'Train Stations', 'Rooftops', 'Libraries', 'Stargazing', 'Campfires', 'Hot Chocolate', 'Knitting', 'Tattoos',
  'Dancing', 'Swordfighting', 'Sparring', 'Hair Braiding', 'Mixtapes', 'Polaroids', 'Insomnia', 'Fevers',
  'Amnesia', 'Prophecy', 'Fate', 'Revenge', 'Redemption', 'Forgiveness', 'Homecoming', 'Exile', 'Betrayal',
] as const;

export const TAG_PREFIXES = ['Post-', 'Pre-', 'Mid-', 'Canon-Typical ', 'Implied ', 'Referenced ', 'Background ', 'Past '] as const;

export const TAG_EVENTS = [
  'Finale', 'Season 2', 'Season 3', 'Season 4', 'War', 'Battle', 'Coronation', 'Movie', 'Book 1', 'Book 2',
  'Book 3', 'Episode 12', 'Series', 'Timeskip', 'Tournament', 'Exile', 'Heist', 'Prologue',
] as const;

/** Writers' own one-off tags: nobody wrangles them, some recur by chance. */
export const CHATTY_TAGS = [
  'i don’t know how to tag this', 'no beta we die like men', 'the author regrets nothing', 'sorry not sorry',
  'this got away from me', 'written at 3am', 'title from a song', 'unbeta’d', 'self-indulgent', 'fix-it of sorts',
  'i love them your honour', 'more tags to be added', 'not edited', 'please read the notes', 'my first fic',
  'they are so in love', 'yes this is self-indulgent', 'kudos are love', 'comments feed the writer', 'it’s fine',
  'everyone lives nobody dies', 'happy ending i promise', 'the slowest of burns', 'brain rot', 'i cried writing this',
] as const;

export const CHARACTER_TAG_TEMPLATES = [
  '%s needs a hug', '%s deserves better', 'let %s rest', '%s is a disaster', '%s-centric', 'protective %s',
  '%s has a bad day', 'soft %s', '%s is trying their best', 'everyone loves %s',
] as const;

/** Words for titles and summaries. */
export const TITLE_WORDS = [
  'light', 'salt', 'harbour', 'storm', 'ember', 'glass', 'river', 'winter', 'stars', 'ashes', 'promise',
  'silence', 'home', 'distance', 'gravity', 'orbit', 'bones', 'ink', 'thread', 'rain', 'honey', 'smoke',
  'lanterns', 'tides', 'wolves', 'saints', 'hearts', 'maps', 'keys', 'fire', 'roses', 'iron', 'feathers',
] as const;

export const TITLE_PATTERNS = [
  'The %A %N', '%N and %N', 'A %N of %N', 'All the %N We Kept', 'What the %N Knows', 'Where the %N Goes',
  'Between %N and %N', 'The Last %N', 'Under a %A %N', 'How to Carry %N', 'In the Year of %N', '%A %N',
  'Of %N and %A %N', 'The %N Keeper', 'Nothing but %N', 'An Almanac of %N', 'Like %N in %N', 'Five Times %N',
] as const;

export const TITLE_ADJECTIVES = [
  'quiet', 'burning', 'borrowed', 'hollow', 'endless', 'little', 'bright', 'broken', 'gentle', 'crooked',
  'wild', 'silver', 'faithful', 'restless', 'sleeping', 'lost', 'sweet', 'bitter', 'golden', 'unspoken',
] as const;

/** Syllables for writers' logins and pseuds. */
export const LOGIN_PARTS = [
  'moon', 'ink', 'quill', 'star', 'fox', 'raven', 'tea', 'honey', 'paper', 'lark', 'sea', 'ember', 'velvet',
  'cloud', 'night', 'rose', 'wolf', 'sky', 'sparrow', 'mint', 'fern', 'plum', 'ghost', 'lily', 'storm', 'pixel',
  'comet', 'cinder', 'otter', 'wren', 'maple', 'thistle', 'nova', 'echo', 'birch', 'coral', 'dusk', 'dawn',
] as const;
