import {
  SlaReport,
  type SupportLine,
  SystemListResponse,
  Ticket,
  type TicketInput,
  TicketListResponse,
  type TicketStatus,
} from '@karna/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiRequest } from '../../../lib/api.ts';
import { itServicesQueryKey } from '../it-services.api.ts';

/**
 * Support's API calls (`/api/it-services/tickets…`, the SLA report) as TanStack Query hooks, and
 * the portfolio's system search for naming what a problem is with. Every answer is checked with its
 * contract schema; a change to a ticket replaces it in the cache and marks the lists stale.
 */

const ticketsKey = [...itServicesQueryKey, 'tickets'] as const;
const BASE = '/api/it-services';
const ticketPath = (ticketId: string, action = '') =>
  `${BASE}/tickets/${encodeURIComponent(ticketId)}${action ? `/${action}` : ''}`;

export interface TicketFilters {
  mine: boolean;
  status: TicketStatus | null;
  line: SupportLine | null;
  breached: 'response' | 'fix' | null;
}

/** Tickets: the caller's own, or for the IT department the queue (open ones by fix deadline first). */
export function useTickets(filters: TicketFilters) {
  const query = new URLSearchParams({ limit: '200' });
  if (filters.mine) query.set('mine', 'true');
  if (filters.status) query.set('status', filters.status);
  if (filters.line) query.set('line', String(filters.line));
  if (filters.breached) query.set('breached', filters.breached);
  const search = query.toString();
  return useQuery({
    queryKey: [...ticketsKey, 'list', search],
    queryFn: ({ signal }) => apiGet(`${BASE}/tickets?${search}`, TicketListResponse, signal),
    placeholderData: keepPreviousData,
  });
}

/** One ticket with its history (the reporter's view leaves out internal notes). */
export function useTicket(ticketId: string) {
  return useQuery({
    queryKey: [...ticketsKey, 'detail', ticketId],
    queryFn: ({ signal }) => apiGet(ticketPath(ticketId), Ticket, signal),
  });
}

/** Report a problem: answers the ticket with its number, priority and deadlines. */
export function useReportTicket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TicketInput) =>
      apiRequest(`${BASE}/tickets`, { method: 'POST', body, schema: Ticket }),
    onSuccess: (ticket) => {
      queryClient.setQueryData([...ticketsKey, 'detail', ticket.id], ticket);
      void queryClient.invalidateQueries({ queryKey: [...ticketsKey, 'list'] });
    },
  });
}

export type TicketAction =
  | { kind: 'comments'; text: string; internal: boolean }
  | { kind: 'take' }
  | { kind: 'escalate'; line: SupportLine; note: string }
  | { kind: 'resolve'; resolution: string };

/** Answer, take, escalate or resolve a ticket; the answered ticket replaces the old one. */
export function useTicketAction(ticketId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: TicketAction) => {
      const { kind, ...body } = action;
      return apiRequest(ticketPath(ticketId, kind), {
        method: 'POST',
        ...(kind === 'take' ? {} : { body }),
        schema: Ticket,
      });
    },
    onSuccess: (ticket) => {
      queryClient.setQueryData([...ticketsKey, 'detail', ticket.id], ticket);
      void queryClient.invalidateQueries({ queryKey: [...ticketsKey, 'list'] });
      void queryClient.invalidateQueries({ queryKey: [...itServicesQueryKey, 'sla'] });
    },
  });
}

/** How the service levels were kept in a year, per tier (the IT department). */
export function useSlaReport(year: number | null) {
  return useQuery({
    queryKey: [...itServicesQueryKey, 'sla', year],
    queryFn: ({ signal }) => apiGet(`${BASE}/sla-report?year=${year}`, SlaReport, signal),
    enabled: year !== null,
  });
}

/** Systems of the portfolio whose name matches (the first 20), for naming what a problem is with. */
export function useSystemSearch(q: string) {
  const search = new URLSearchParams({ limit: '20', ...(q ? { q } : {}) }).toString();
  return useQuery({
    queryKey: ['portfolio', 'systems', 'support-search', search],
    queryFn: ({ signal }) => apiGet(`/api/portfolio/systems?${search}`, SystemListResponse, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
