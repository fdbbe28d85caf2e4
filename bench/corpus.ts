// `npm run bench:corpus -- --works 100000`: writes a synthetic archive (writers, skewed fandoms
// with their characters and relationships, freeforms, works with 5-30 tags) straight into SQLite
// or PostgreSQL, the same archive for the same seed, and prints what it holds.
import { ensureCorpus } from './lib/corpus-build.js';
import { CORPUS_USAGE, parseCorpusOptions, type CorpusOptions } from './lib/corpus-options.js';
import { summaryLines } from './lib/corpus-summary.js';

async function main(): Promise<number> {
  let options: CorpusOptions;
  try {
    options = parseCorpusOptions(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n${CORPUS_USAGE}`);
    return 2;
  }
  if (options.help) {
    console.log(CORPUS_USAGE);
    return 0;
  }
  try {
    const corpus = await ensureCorpus(options);
    if (!corpus.built) {
      console.log(`the ${options.database} corpus with these parameters exists already (${corpus.file ?? corpus.url.replace(/\/\/[^@/]*@/, '//***@')}); --rebuild makes it again`);
      for (const line of summaryLines(corpus.summary)) console.log(`  ${line}`);
    }
    return 0;
  } catch (error) {
    console.error(`bench:corpus failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
    return 1;
  }
}

process.exitCode = await main();
