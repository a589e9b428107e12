// The programmatic entry of @doyensec/electronegativity (dist/runner.js), which ships no types.
declare module '@doyensec/electronegativity' {
  interface RunOptions {
    input: string;
    output: string | null;
    isRelative: boolean;
    electronVersionOverride?: string;
    excludeFromScan?: string[];
  }
  interface Issue {
    id: string;
    file: string;
    location: { line: number; column: number };
    manualReview: boolean;
    description: string;
    severity: { name: string };
    confidence: { name: string };
  }
  interface Outcome {
    issues: Issue[];
    errors: Array<{ file: string; message: string; tolerable: boolean }>;
  }
  function run(options: RunOptions, forCli: false): Promise<Outcome>;
  export default run;
}
