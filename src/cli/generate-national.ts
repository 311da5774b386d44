/** `difusi generate-national`: writes the national scenario of Indonesia from data/idn-area/ (docs/NATIONAL.md). */
import type { ArgumentsCamelCase, Argv, CommandModule } from 'yargs';

interface GenerateArgs {
  data: string;
  bekasi: string;
  out: string;
}

export const generateNationalCommand: CommandModule<object, GenerateArgs> = {
  command: 'generate-national',
  describe: 'Write the national scenario of Indonesia\'s local governments from the administrative-area data',
  builder: (y: Argv<object>) =>
    y
      .option('data', { type: 'string', default: 'data/idn-area', describe: 'folder with provinces.csv, regencies.csv, districts.csv; the public lists (pilkada-cycles.csv, smart-city-cohorts.csv) are read from public-lists beside it (DIR/../public-lists)' })
      .option('bekasi', { type: 'string', default: 'scenarios/bekasi-2015-2025.yaml', describe: 'the city scenario Kota Bekasi\'s government runs (a city scenario, as difusi run takes)' })
      .option('out', { type: 'string', default: 'scenarios/indonesia-2015-2025.yaml', describe: 'scenario file to write (not one of the files the command reads)' }) as unknown as Argv<GenerateArgs>,
  handler: async (args: ArgumentsCamelCase<GenerateArgs>) => {
    const { generateNational } = await import('../jobs/generate-national.js');
    const r = generateNational({ dataDir: args.data, bekasiFile: args.bekasi, outFile: args.out });
    process.stdout.write(`${args.out}: ${r.governments} governments, about ${r.agencies} agencies, ${(r.bytes / 1024).toFixed(0)} KiB\n`);
  },
};
