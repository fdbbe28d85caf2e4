// Word lists for the synthetic story text, written for Bindery's benchmarks: common English words
// roughly from most to least used in fiction, the accented words and contractions search must
// handle, and the pieces invented words are made of. Lists only; story-vocabulary.ts ranks them.

/**
 * Common words, most used first (approximately; the Zipf ranks matter more than the exact order).
 * Inflected forms sit near their stems so stemming has families to fold. `’` is the typographic
 * apostrophe; works typed with straight quotes get `'` instead.
 */
export const COMMON_WORDS = `
the and to a of I was he she it in her that you his had said with for on at not but they as him
be is me my what have we all there from out so one this were up no like back do into just would
could them if then now know about been an only your down over or by did their who when more how
here something even eyes going right think time still looked way see get too can away again got
before its because want never say off around through little head face thought felt hand than made
well some go after why will looking any these room make where much other those long while turned
went take door come tell am voice last really mean look good need us are our very has always
nothing first though moment enough let own since once maybe already against without almost
don’t it’s I’m didn’t can’t that’s you’re wasn’t I’ll I’ve couldn’t won’t isn’t he’s she’s
they’re we’re let’s there’s what’s I’d wouldn’t doesn’t haven’t
should other another every each both few many most such same which whose whom
something someone anything anyone everything everyone nobody somebody everybody
knew know knows knowing thought thinking thinks felt feel feeling feels feelings
looked looks look looking saw see seeing seen seemed seem seems
said say saying says told tell telling asked ask asking answered answer
came come coming comes went go going goes gone took take taking taken
made make making makes got get getting gets gave give giving given
found find finding kept keep keeping left leave leaving stood stand standing
sat sit sitting turned turn turning walked walk walking walks ran run running runs runner
held hold holding heard hear hearing pulled pull pulling pushed push pushing
started start starting tried try trying wanted want wanting needed need
smiled smile smiling laughed laugh laughing nodded nod shook shake shaking
opened open opening closed close closing moved move moving stopped stop stopping
waited wait waiting watched watch watching reached reach reaching
let seemed began begin beginning brought bring bringing called call calling
put putting set setting sent send sending stayed stay staying
fell fall falling rose rise rising lay lie lying
breath breathe breathing breathed sighed sigh whispered whisper whispering
eyes eye face head hand hands arm arms shoulder shoulders fingers finger mouth lips
hair voice body back chest heart feet foot legs neck skin throat cheek jaw
time day night morning evening afternoon week year years moment minute minutes hour hours
room door house home window wall floor table bed kitchen bedroom hallway stairs street car
way world place life people man woman men women boy girl child children kid kids
mother father mom dad brother sister family friend friends wife husband son daughter
thing things nothing anything something everything word words name names
water light air fire sun moon sky rain snow wind cold heat dark darkness
side front top end bottom middle edge corner inside outside
other new old good bad great little small big large long short high low
right wrong sure real better best worse worst last next first second third
quiet quietly soft softly slow slowly quick quickly gentle gently careful carefully
hard harder hardly easy easily full empty warm cold cool hot bright dark
young older tired happy sad angry afraid scared alone together ready sorry
just only really even still almost already always never often sometimes again
very too quite rather pretty enough much more less most least
here there where everywhere somewhere nowhere away back up down
before after during until since while though although because unless
perhaps maybe probably certainly finally suddenly simply actually exactly
yes yeah no okay oh well hey please thanks thank
one two three four five six seven ten twenty hundred thousand half
black white red blue green grey gold silver brown
tea coffee food bread cup glass bottle plate
phone door key keys letter letters book books paper pen
school work job office city town road river sea ocean beach forest
ship boat train station bridge harbour tower castle garden field
war battle sword blood gun fight fighting fought
king queen prince princess lord lady captain soldier doctor
love loved loves loving kiss kissed kissing touch touched touching
hurt hurts hurting pain cry cried crying tears tear smile smiled grin grinned
fear hope hoped hoping wish wished wishing dream dreamed dreaming dreams
remember remembered remembering forget forgot forgotten
understand understood believe believed trust trusted
learn learned learning teach taught
happen happened happening change changed changing
live lived living die died dying dead death alive
kill killed killing save saved saving help helped helping
worry worried worrying care cared caring
mind minds idea ideas question questions answer answers reason reasons
problem problems matter matters point points part parts
story stories truth lie lies secret secrets promise promised
quite rather almost nearly barely
glance glanced stare stared staring gaze gazed
grab grabbed grabbing drop dropped dropping throw threw thrown
climb climbed climbing jump jumped jumping
swallow swallowed swallowing blink blinked blinking
frown frowned frowning shrug shrugged shrugging
lean leaned leaning rest rested resting
sleep slept sleeping wake woke waking awake asleep
eat ate eating drink drank drinking cook cooked cooking
read reading write wrote writing written
speak spoke speaking talk talked talking
listen listened listening sound sounds sounded
silence silent noise loud louder
smell smelled taste tasted
shadow shadows corner corners edge edges
careful careless strange stranger familiar different
heavy heavier light lighter sharp sharply
soft softer softest warm warmer warmth
sudden suddenly slight slightly
o’clock ma’am y’all
half-open well-known self-aware twenty-two old-fashioned
lamp lamps lamplight lantern lanterns candle candles
storm storms tide tides salt gull gulls rope ropes
stone stones wood wooden iron steel glass
cloth coat coats shirt sleeve sleeves boots
map maps chart compass ledger ink
morning mornings night nights winter summer spring autumn
smoke ash ashes ember embers
quietly briefly barely firmly tightly loosely
kindness anger fury grief joy relief shame pride
apartment couch sofa blanket pillow
across along behind beside between beyond inside outside toward towards under upon within
above below near past around among against except instead
able about above across afraid alive angry ashamed aware awful awkward
beautiful bitter blank blind bold brave brief broad broken busy calm certain cheap clean clear
clever close comfortable common complete constant cruel curious dangerous dear deep desperate
difficult dirty distant dizzy dry dull eager early easy empty endless entire equal even evil
exact extra faint fair faithful false famous fast fat fierce fine firm flat fond foolish foreign
formal fragile free fresh friendly frozen funny general giant glad golden grand grateful grim
guilty handsome harsh healthy helpless hidden hollow honest huge hungry icy ill important
impossible innocent intense jealous kind lazy likely little lonely loose lost lovely loyal lucky
mad main mere messy mild modern narrow nasty natural nearby neat nervous nice noble normal obvious
odd open ordinary pale patient perfect personal plain pleasant polite poor possible powerful
precious private proper proud pure quiet rare raw reckless red rich rough round rude safe
secret serious shallow sharp shy sick silly simple single sleepy slim smooth solid sour special
steady sticky stiff still strict strong stubborn stupid sudden sweet swift tall tender terrible
thick thin tiny tough true ugly unusual upset useful useless usual vague vast violent warm weak
weird wet whole wide wild wise wooden worried worthy wrong
absolutely apparently briefly carefully clearly completely constantly deeply desperately
directly easily entirely especially eventually exactly fairly finally firmly fully gently gladly
gradually hardly heavily honestly immediately instantly largely lightly loudly merely mostly
naturally nearly neatly nervously normally obviously openly partly patiently perfectly politely
possibly properly quickly quietly rarely readily really recently roughly rudely sadly safely
seriously sharply shortly silently simply sincerely slightly smoothly softly solemnly somehow
steadily strangely strictly strongly successfully surely swiftly tenderly terribly thankfully
thoroughly truly unfortunately usually vaguely warmly weakly wearily wildly willingly
accept accepted accepting accident account ache ached action actions add added adding admit
admitted afford agree agreed agreeing aim aimed allow allowed allowing annoy annoyed apologise
apologised apology appear appeared appearing argue argued arguing argument arrange arranged
arrive arrived arriving attack attacked attempt attempted avoid avoided bake baked bathe
battle bear bearing beat beaten beating beg begged behave belong belonged bend bent bite bit
blame blamed bleed bled blow blew blown boil boiled bother bothered bounce bow bowed brake
break breaking broke breath breathless brush brushed build building built burn burned burning
burst bury buried buy bought calm calmed carry carried carrying catch caught caught cause caused
celebrate chase chased cheat cheer cheered choose chose chosen clap clapped clear cleared cling
clung collapse collapsed collect collected comfort comforted command commanded complain
complained confess confessed confuse confused consider considered continue continued control
controlled cough coughed count counted cover covered crack cracked crawl crawled cross crossed
crouch crouched crush crushed curl curled curse cursed cut cutting damage damaged dance danced
dancing dare dared decide decided deciding defend defended deliver delivered deny denied
deserve deserved destroy destroyed dig dug disappear disappeared discover discovered dress
dressed drift drifted drive drove driving driven drown drowned earn earned echo echoed embrace
embraced enjoy enjoyed enter entered escape escaped examine examined explain explained
explaining fade faded fail failed failing fasten fill filled filling fix fixed flash flashed
flee fled flick flicked flinch flinched float floated flood flooded flow flowed fly flew flying
fold folded follow followed following force forced forgive forgave forgiven freeze froze
frighten frightened gasp gasped gather gathered glare glared glow glowed grip gripped groan
groaned grow grew growing grown growl growled guard guarded guess guessed guide guided hang hung
hanging hate hated hide hid hiding hit hitting hug hugged hum hummed hunt hunted hurry hurried
ignore ignored imagine imagined include included insist insisted introduce invite invited join
joined joke joked judge judged kick kicked kneel knelt knock knocked land landed last lasted
lead led leading lend lift lifted limp linger lingered lock locked lose losing lower lowered
manage managed mark marked marry married measure melt melted mend mended miss missed missing
mix mixed mutter muttered nudge nudged obey offer offered order ordered own owned pack packed
pass passed passing pat patted pause paused pay paid pick picked picking place placed plan
planned play played playing plead pleaded point pointed pour poured pray prayed prepare
prepared press pressed pretend pretended prevent prevented promise protect protected prove
proved punch punched rain rained raise raised realise realised realize realized recognise
recognised refuse refused relax relaxed release released rely remain remained remind reminded
remove removed repair repeat repeated reply replied rescue rescued return returned returning
reveal revealed ride rode riding ring rang rub rubbed rush rushed scream screamed search
searched seize seized sell sold serve served settle settled shiver shivered shout shouted
shove shoved show showed shown shut sign signed sing sang sink sank slam slammed slide slid
slip slipped smash smashed snap snapped sneak sniff sniffed sob sobbed solve sort sorted
spend spent spill spilled spin spun spit split spoil spread squeeze squeezed stab stabbed
stagger staggered stare steal stole stolen step stepped stepping stick stuck sting stir stirred
stretch stretched strike struck stroke stroked struggle struggled study studied stumble
stumbled succeed suffer suffered suggest suggested supply support supported suppose supposed
surprise surprised surround surrounded survive survived suspect suspected swear swore sweep
swept swim swam swing swung tap tapped tear tore torn tease teased tempt test tested thank
thanked threaten threatened tie tied tip tipped toss tossed trace traced trade travel travelled
tremble trembled trip tripped trust tuck tucked tug tugged twist twisted vanish vanished visit
visited wander wandered warn warned wash washed waste wasted wave waved wear wore worn weep
wept whistle whistled win won winning wince winced wipe wiped wonder wondered wondering wrap
wrapped yell yelled
afternoon age anger animal answer apple army art attention aunt baby bag ball band bank bar
basket bath beach beard bee bell belt bench bird birthday bit blade bone border bottle bowl box
branch brick bridge bucket building bundle bus butter button cabin cake camp candle cap card
cart case cat cave chain chair chance chapel cheese chest chin church circle cliff clock cloud
club coast coin collar colour corridor cottage cotton council country couple course court cousin
cow crew crowd crown cup curtain cushion custom dance danger daughter dawn deal deck desk dinner
dog doll dust duty ear earth egg engine evening event evidence exam eyebrow fabric farm feast
fence festival fever field figure film flag flame flesh flight flower fog fool forest fork fortune
fountain fox fruit fur game gap gate gift glove goat god grass grave ground group guard guest guilt
gun hall hammer harbor hat hay heaven hell helmet hill hole holiday honey hook horse hospital
hotel hunger hut ice inch island jacket jar jewel journey judge juice kettle kingdom kitten
knee knife knot ladder lake lane laughter lawn leaf leather lesson library lid limb line lion
list lock log luck lunch machine magic mail market mask meal meat medicine meeting memory
message metal midnight milk mirror mist mountain mouse mud muscle museum music nail needle nest
net news noise north note nurse oak offer oil orange order oven owl page pain paint palace palm
pan parent park party passage path patch peace pencil pepper piano picture pie piece pig pin pipe
pity planet plant pocket poem police pond pool porch post pot powder power price prison prize
pub puddle pump queen rabbit race radio rail rat record reply rest rice ring roof root rose
rug rule sack sail sand sauce scale scar scarf scene scent screen season seat seed sense servant
shade shape sheep shelf shell shop shore shower sign silk sink skirt skull slope smoke snake soap
sock soil song soul soup south space spark spell spider spine spoon spot square stable stage
stain stamp star steam step stick stomach store stove strap straw stream string sugar suit supper
swan table tail tale task tea teacher team temple tent test thread throat thumb ticket tiger
tongue tool tooth torch towel toy track trail tree trick trouble truck trunk tube tunnel uncle
valley van village vine violin visit wagon waist wall war wave weapon weather wedding weed west
wheel whisper wing wire witch wolf wood wool yard yarn youth
anybody either neither whoever whatever whenever wherever however therefore otherwise meanwhile
nonetheless besides anyway anyhow
`;

/**
 * Accented words at the rank (0 = most used) they get in the vocabulary, so accent folding can be
 * measured on words of every frequency. Precomposed (NFC) characters.
 */
export const ACCENTED_WORDS: ReadonlyArray<readonly [string, number]> = [
  ['café', 640], ['naïve', 1100], ['cliché', 1450], ['Zoë', 1700], ['fiancée', 2100], ['résumé', 2600],
  ['façade', 3100], ['cafés', 3600], ['déjà', 4200], ['fiancé', 4800], ['crème', 5600], ['jalapeño', 7200],
  ['piñata', 9100], ['soirée', 12000], ['doppelgänger', 15000], ['protégé', 19000], ['éclair', 24000], ['über', 30000],
];

/** Verbs of speech after a line of dialogue. */
export const SAID_VERBS = ['said', 'said', 'said', 'asked', 'whispered', 'murmured', 'called', 'snapped', 'admitted', 'replied'] as const;

/** Scene breaks writers put between scenes; they count no words. */
export const SCENE_BREAKS = ['* * *', '~~~', '***', 'oOo', '—'] as const;

/** Sounds invented words are made of: start, middle (a vowel sound) and end of a syllable. */
export const ONSETS = [
  'b', 'bl', 'br', 'c', 'ch', 'cl', 'cr', 'd', 'dr', 'f', 'fl', 'fr', 'g', 'gl', 'gr', 'h', 'j', 'k', 'l', 'm', 'n',
  'p', 'pl', 'pr', 'qu', 'r', 's', 'sc', 'sh', 'sk', 'sl', 'sn', 'sp', 'st', 'str', 't', 'th', 'tr', 'v', 'w', 'wh', 'z',
] as const;

export const NUCLEI = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'i', 'o', 'ai', 'ea', 'ee', 'oa', 'ou', 'ie', 'au', 'y'] as const;

export const CODAS = ['', '', '', 'n', 'r', 'l', 'm', 's', 't', 'st', 'nd', 'rk', 'ck', 'sh', 'th', 'x', 'ng', 'lt', 'mp', 'sk'] as const;

/** Ends of syllables inside a word: soft ones, so invented words stay pronounceable. */
export const INNER_CODAS = ['', '', '', '', 'n', 'r', 'l', 'm', 's'] as const;

/** Endings an invented stem takes, so porter stemming has families to fold (`glimmer`, `glimmers`, `glimmering`). */
export const INFLECTIONS = ['s', 'ed', 'ing', 'er', 'ly', 'ness'] as const;
