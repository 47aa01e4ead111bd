// glibc's allocator settings the `spindle` bin starts a generating command with (see
// bin/spindle.mjs); the benchmarks run their in-process cases with them too, as the CLI runs.
export const GLIBC_TUNABLES = ['glibc.malloc.hugetlb=1', 'glibc.malloc.mmap_threshold=33554432', 'glibc.malloc.trim_threshold=1073741824'].join(':');

/** Whether this process runs on glibc (other C libraries ignore the variable). */
export const onGlibc = () => process.platform === 'linux' && Boolean(process.report?.getReport?.().header?.glibcVersionRuntime);
