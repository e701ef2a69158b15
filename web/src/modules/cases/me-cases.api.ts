import { MyCaseDetail, MyCaseListResponse } from '@karna/contracts';
import { useQuery } from '@tanstack/react-query';
import { apiGet } from '../../lib/api.ts';

// The citizen's own cases on Mina sidor (and those of children in their custody). Under the key
// ['me', …]: a new choice of whom to act for throws them away with the rest of "me".

const myCasesKey = ['me', 'cases'] as const;

/** My cases, newest first: `GET /api/me/cases`. */
export function useMyCases({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: myCasesKey,
    queryFn: async ({ signal }) => {
      const { items } = await apiGet('/api/me/cases', MyCaseListResponse, signal);
      return [...items].sort((a, b) => b.submittedAt.localeCompare(a.submittedAt));
    },
    enabled,
  });
}

/** How many times (two seconds apart) the receipt page asks for a receipt PDF not made yet. */
const RECEIPT_ATTEMPTS = 30;

/**
 * One of my cases with its history, documents, decision and answers: `GET /api/me/cases/{id}`.
 * `refetchUntilReceipt` asks again every two seconds, for up to a minute, until the PDF receipt
 * (written just after registration) is among the documents.
 */
export function useMyCase(
  caseId: string,
  { enabled = true, refetchUntilReceipt = false }: { enabled?: boolean; refetchUntilReceipt?: boolean } = {},
) {
  return useQuery({
    queryKey: [...myCasesKey, caseId],
    queryFn: ({ signal }) => apiGet(`/api/me/cases/${encodeURIComponent(caseId)}`, MyCaseDetail, signal),
    enabled,
    refetchInterval: (query) => {
      if (!refetchUntilReceipt) return false;
      const hasReceipt = query.state.data?.documents.some((document) => document.kind === 'receipt');
      return hasReceipt || query.state.dataUpdateCount >= RECEIPT_ATTEMPTS ? false : 2000;
    },
  });
}

/** Where a document of my case is downloaded from (the session cookie goes with the link). */
export function documentUrl(caseId: string, documentId: string): string {
  return `/api/me/cases/${encodeURIComponent(caseId)}/documents/${encodeURIComponent(documentId)}`;
}
