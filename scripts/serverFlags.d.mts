export declare const SERVER_HEAP_OPTIONS: string;
export declare function serverNodeOptions(existing?: string): string;
