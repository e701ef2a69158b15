import type { AttachmentRule, UploadedAttachment } from '@karna/contracts';
import { type ChangeEvent, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../lib/api.ts';
import { type Messages, useI18n } from '../../../lib/i18n.tsx';
import { Button } from '../../../ui/button.tsx';
import { formatFileSize, mediaTypeName } from './format-values.ts';

export interface AttachedFile {
  id: string;
  /** The attachment field the file belongs to. */
  field: string;
  fileName: string;
  mediaType: string;
  size: number;
}

interface AttachmentFieldProps {
  id: string;
  label: string;
  help?: string | null;
  /** The form's rule for the field (required, count), from validation. */
  error?: string | null;
  rule: AttachmentRule;
  files: readonly AttachedFile[];
  upload: (file: File) => Promise<UploadedAttachment>;
  remove: (file: AttachedFile) => Promise<void>;
}

function reasonOf(error: unknown, t: Messages): string {
  if (error instanceof ApiError) {
    if (error.problem.code === 'network_error') return t.common.networkError;
    if (error.problem.code === 'unexpected_response') return t.common.unexpectedResponse;
    return error.problem.detail ?? error.problem.title;
  }
  return t.common.unexpectedResponse;
}

/**
 * Files for one question: a native file input (works with every assistive technology and opens
 * the camera on a phone), each chosen file uploaded at once and listed with its type and size and
 * a "Remove" button. Size, type and count are checked here first so nobody waits for an upload the
 * server would refuse; the server checks the type again by the file's content.
 */
export function AttachmentField({
  id,
  label,
  help,
  error,
  rule,
  files,
  upload,
  remove,
}: AttachmentFieldProps) {
  const { t, locale } = useI18n();
  const m = t.services.fields;
  const inputRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [announcement, setAnnouncement] = useState('');
  const [shouldFocusInput, setShouldFocusInput] = useState(false);
  const types = rule.mediaTypes.map(mediaTypeName).join(', ');
  const maxSize = formatFileSize(rule.maxBytes, locale);
  const isFull = files.length >= rule.maxFiles;
  const helpId = `${id}-help`;
  const rulesId = `${id}-rules`;
  const errorId = `${id}-error`;
  const messages = [...(error ? [error] : []), ...problems];

  // After a removal focus goes back to the file input, once it is enabled again.
  useEffect(() => {
    if (!shouldFocusInput || busy !== null) return;
    setShouldFocusInput(false);
    inputRef.current?.focus();
  }, [shouldFocusInput, busy]);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = [...(event.target.files ?? [])];
    event.target.value = '';
    if (chosen.length === 0) return;
    const found: string[] = [];
    let room = rule.maxFiles - files.length;
    for (const file of chosen) {
      if (room <= 0) {
        found.push(m.tooManyFiles(rule.maxFiles));
        break;
      }
      if (file.size > rule.maxBytes) {
        found.push(m.fileTooLarge(file.name, maxSize));
        continue;
      }
      // The browser guesses the type by the name; an empty guess is left to the server.
      if (file.type && !rule.mediaTypes.includes(file.type)) {
        found.push(m.fileWrongType(file.name, types));
        continue;
      }
      setBusy(file.name);
      setAnnouncement(m.uploading(file.name));
      try {
        await upload(file);
        room -= 1;
        setAnnouncement(m.uploaded(file.name));
      } catch (uploadError) {
        found.push(m.uploadFailed(file.name, reasonOf(uploadError, t)));
        setAnnouncement('');
      }
    }
    setBusy(null);
    setProblems(found);
  };

  const describedBy = [help ? helpId : null, rulesId, messages.length > 0 ? errorId : null]
    .filter(Boolean)
    .join(' ');

  return (
    <div className="field attachment-field" data-invalid={messages.length > 0 ? true : undefined}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {help && (
        <span id={helpId} className="field-description">
          {help}
        </span>
      )}
      <span id={rulesId} className="field-description">
        {m.fileRules(types, maxSize, rule.maxFiles)}
      </span>
      {messages.length > 0 && (
        <span id={errorId} className="field-error">
          {messages.map((message) => (
            <span key={message} className="field-description-line">
              {message}
            </span>
          ))}
        </span>
      )}
      <input
        ref={inputRef}
        id={id}
        type="file"
        className="file-input"
        accept={rule.mediaTypes.join(',')}
        multiple={rule.maxFiles > 1}
        disabled={busy !== null || isFull}
        aria-describedby={describedBy}
        aria-invalid={messages.length > 0 ? true : undefined}
        onChange={(event) => void choose(event)}
      />
      {files.length > 0 && (
        <ul className="file-list" aria-label={m.filesHeading}>
          {files.map((file) => (
            <li key={file.id} className="file-item">
              <span className="file-name">{file.fileName}</span>
              <span className="file-meta">
                {mediaTypeName(file.mediaType)}, {formatFileSize(file.size, locale)}
              </span>
              <Button
                size="small"
                variant="quiet"
                isDisabled={busy !== null}
                onPress={async () => {
                  setBusy(file.fileName);
                  try {
                    await remove(file);
                    setProblems([]);
                    setAnnouncement(m.fileRemoved(file.fileName));
                    setShouldFocusInput(true);
                  } catch (removeError) {
                    setProblems([reasonOf(removeError, t)]);
                  } finally {
                    setBusy(null);
                  }
                }}
              >
                {m.removeFile}
                <span className="visually-hidden">{m.removeFileHidden(file.fileName)}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      {busy && (
        <p className="loading-status" aria-hidden="true">
          <span className="spinner" />
          {m.uploading(busy)}
        </p>
      )}
    </div>
  );
}
