import { confinePath } from '../core/confine.js';
import { ToolError } from './answer.js';

/**
 * A path argument resolved inside `root`; `..`, absolute paths and symbolic links leading out are a tool
 * error naming the argument, and so is a file that does not exist.
 */
export async function confinedArgument(
  root: string,
  path: string,
  argument: string,
  folder: string,
): Promise<string> {
  const confined = await confinePath(root, path, folder);
  if (!confined.ok) throw new ToolError(`${argument}: '${path}' ${confined.why}; it was not read`);
  if (!confined.exists) throw new ToolError(`${argument}: '${path}' does not exist in ${folder}`);
  return confined.path;
}
