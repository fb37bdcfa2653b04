import { css } from 'lit';

export const budgetGridStyles = css`
  .spacer { flex: 1; }
`;
