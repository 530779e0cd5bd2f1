// LibreOffice, where it is installed: the print and document tests convert a file to PDF with it
// and say why they are skipped when it is not there (or has no writer for a docx).

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The soffice (or libreoffice) command, or null when neither is installed. */
export function sofficeCommand(): string | null {
  return (
    ['soffice', 'libreoffice'].find((name) => {
      try {
        execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'pipe' });
        return true;
      } catch {
        return false;
      }
    }) ?? null
  );
}

/** Whether LibreOffice's writer (which opens a docx) is installed beside soffice, as libreoffice-writer installs it. */
export function writerInstalled(soffice: string): boolean {
  const program = path.dirname(
    execFileSync('readlink', [
      '-f',
      execFileSync('sh', ['-c', `command -v ${soffice}`])
        .toString()
        .trim(),
    ])
      .toString()
      .trim(),
  );
  return existsSync(path.join(program, 'libswlo.so'));
}

/**
 * Converts `file` with LibreOffice headless into `dir` (a profile of its own there, so parallel runs
 * do not share one); `format` is what --convert-to takes ('pdf', or 'csv:<filter>:<options>').
 * Returns the converted file's path.
 */
export function convertFile(soffice: string, file: string, dir: string, format: string): string {
  execFileSync(soffice, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', format, '--outdir', dir, file], {
    stdio: 'pipe',
    timeout: 150_000,
  });
  return path.join(dir, `${path.basename(file, path.extname(file))}.${format.split(':')[0]}`);
}

/** Converts `file` to PDF in `dir`; returns the PDF's path. */
export function convertToPdf(soffice: string, file: string, dir: string): string {
  return convertFile(soffice, file, dir, 'pdf');
}

/** The number of pages of a PDF, counted by its page objects. */
export function pdfPages(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0;
}
