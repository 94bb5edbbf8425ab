/**
 * Error kinds the views can rely on without knowing which layer threw them. A `UserFacingError`'s
 * message is written for the member (Vietnamese, no internal detail) and may be shown as it is;
 * anything else is shown as a generic message chosen by the view.
 */
export class UserFacingError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'UserFacingError';
  }
}

/** Someone else (another tab or window) saved the same document first: a save was refused. */
export class DocumentConflictError extends UserFacingError {
  constructor(
    readonly id: string,
    message = 'Bản này vừa được sửa ở một thẻ hoặc cửa sổ khác.',
  ) {
    super(message);
    this.name = 'DocumentConflictError';
  }
}

/** The data is locked with a passphrase and this tab does not hold the key. */
export class DocumentLockedError extends UserFacingError {
  constructor(message = 'Dữ liệu đang được khóa. Hãy nhập mật khẩu để mở.') {
    super(message);
    this.name = 'DocumentLockedError';
  }
}

/** The message to show for any error: its own when it is user-facing, otherwise `fallback`. */
export function userMessage(error: unknown, fallback: string): string {
  return error instanceof UserFacingError ? error.message : fallback;
}
