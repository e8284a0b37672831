import { run } from '../../main/cli/newsroom';

/** Runs the `newsroom` CLI in-process and captures what it prints. */
export const cli = async (...argv: string[]) => {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
};
