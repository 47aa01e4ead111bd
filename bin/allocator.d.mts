export declare const GLIBC_TUNABLES: string;
export declare function onGlibc(): boolean;
