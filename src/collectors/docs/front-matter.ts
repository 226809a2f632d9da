import { InputError, type Problem } from '../../engine/errors.js';
import { parseYaml, type YamlSource } from '../../core/yaml-source.js';

/**
 * Splits `---\n<yaml>\n---\n<body>` and parses the YAML. Lines in problems and in locate() are lines
 * of the whole Markdown file.
 */
export function parseFrontMatter(text: string, file: string): { source: YamlSource; body: string } {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lines = input.split(/\r?\n/);
  if (lines[0]?.trim() !== '---') {
    throw new InputError([
      { file, line: 1, message: 'missing YAML front matter (the file must start with ---)' },
    ]);
  }
  const end = lines.findIndex((line, i) => i > 0 && (line.trim() === '---' || line.trim() === '...'));
  if (end === -1) {
    throw new InputError([{ file, line: 1, message: 'front matter is not closed (no second --- line)' }]);
  }
  const yamlText = lines.slice(1, end).join('\n');
  const offset = 1;
  let source: YamlSource;
  try {
    source = parseYaml(yamlText, file);
  } catch (error) {
    if (error instanceof InputError) {
      throw new InputError(error.problems.map((p): Problem => ({ ...p, line: (p.line ?? 1) + offset })));
    }
    throw error;
  }
  if (source.value === null || typeof source.value !== 'object' || Array.isArray(source.value)) {
    throw new InputError([{ file, line: 2, message: 'front matter must be a mapping of keys to values' }]);
  }
  const shifted: YamlSource = {
    file,
    value: source.value,
    locate: (pointer, key) => {
      const pos = source.locate(pointer, key);
      return pos ? { line: pos.line + offset, column: pos.column } : { line: 2, column: 1 };
    },
  };
  return { source: shifted, body: lines.slice(end + 1).join('\n') };
}
