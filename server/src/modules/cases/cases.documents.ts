import { createHash } from 'node:crypto';
import type { LocalizedText } from '@karna/contracts';
import { renderDocument } from '../../platform/pdf/index.ts';

/** The decision and the receipt as PDF/A documents (C3, B5), in Swedish. */

const stockholmDateTime = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  dateStyle: 'long',
  timeStyle: 'short',
});
const stockholmDate = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'long' });
const MUNICIPALITY = 'Mölnåls stad';

export interface RenderedDocument {
  bytes: Uint8Array;
  sha256: string;
}

function rendered(bytes: Uint8Array): RenderedDocument {
  return { bytes, sha256: createHash('sha256').update(bytes).digest('hex') };
}

export async function renderDecisionDocument(decision: {
  registrationNumber: string;
  serviceTitle: LocalizedText;
  unitName?: string;
  outcome: LocalizedText;
  justification: string;
  appealInformation: string;
  decidedAt: Date;
  decidedBy: string | null;
}): Promise<RenderedDocument> {
  const bytes = await renderDocument({
    language: 'sv',
    title: `Beslut – ${decision.serviceTitle.sv}`,
    author: MUNICIPALITY,
    subject: decision.registrationNumber,
    issuer: [MUNICIPALITY, ...(decision.unitName ? [decision.unitName] : [])],
    reference: { label: 'Diarienummer', value: decision.registrationNumber },
    date: { label: 'Beslutsdatum', value: stockholmDate.format(decision.decidedAt) },
    sections: [
      { heading: 'Beslut', facts: [{ label: 'Utfall', value: decision.outcome.sv }] },
      { heading: 'Motivering', paragraphs: decision.justification.split(/\n{2,}/) },
      { heading: 'Så överklagar du', paragraphs: decision.appealInformation.split(/\n{2,}/) },
      {
        facts: [
          {
            label: 'Beslutet har fattats av',
            value: decision.decidedBy ?? 'automatiskt enligt fastställda regler (automatiserat beslut)',
          },
        ],
      },
    ],
  });
  return rendered(bytes);
}

export async function renderReceiptDocument(receipt: {
  registrationNumber: string;
  serviceTitle: LocalizedText;
  submittedAt: Date;
  expectedDecisionBy: string;
  promise: string | null;
  attachments: string[];
}): Promise<RenderedDocument> {
  const bytes = await renderDocument({
    language: 'sv',
    title: `Kvitto – ${receipt.serviceTitle.sv}`,
    author: MUNICIPALITY,
    subject: receipt.registrationNumber,
    issuer: [MUNICIPALITY],
    reference: { label: 'Diarienummer', value: receipt.registrationNumber },
    date: { label: 'Inskickad', value: stockholmDateTime.format(receipt.submittedAt) },
    sections: [
      {
        heading: 'Vi har tagit emot din ansökan',
        paragraphs: [
          `Ditt ärende har fått diarienumret ${receipt.registrationNumber}. Ange det om du kontaktar oss.`,
          ...(receipt.promise ? [receipt.promise] : []),
        ],
        facts: [
          { label: 'E-tjänst', value: receipt.serviceTitle.sv },
          {
            label: 'Beslut senast (servicelöfte)',
            value: stockholmDate.format(new Date(`${receipt.expectedDecisionBy}T12:00:00Z`)),
          },
          ...receipt.attachments.map((name) => ({ label: 'Bifogad fil', value: name })),
        ],
      },
    ],
    footer: 'Du följer ärendet på Mina sidor.',
  });
  return rendered(bytes);
}
