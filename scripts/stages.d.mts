export interface Counts {
  passed: number;
  failed: number;
}
export interface Stage {
  name: string;
  run(): Promise<Counts | undefined>;
  known(): number;
  blockedBy?(): string | undefined;
}
export interface StageResult extends Counts {
  name: string;
  notRun?: string;
}
export declare function stageCounts(ok: boolean, counts: Counts, known: () => number): Counts;
export declare function runStages(stages: Stage[], setupError?: string): Promise<StageResult[]>;
export declare function summary(results: StageResult[]): { passed: number; failed: number; text: string };
