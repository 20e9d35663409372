/** Child-process entry: synthesizes the CDK app and writes the app model as JSON to the file named by argv[2]. */
import { writeFileSync } from 'node:fs';
import { synthesizeApp } from './app-model';

synthesizeApp().then(
  (model) => writeFileSync(process.argv[2], JSON.stringify(model)),
  (err: unknown) => {
    console.error((err as Error).message);
    process.exit(1);
  },
);
