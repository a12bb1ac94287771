import type { ChannelAddress } from '../engine/types.ts';

export interface TranscriptLine {
  from: 'user' | 'bot' | 'staff';
  text: string;
  at: string;
}

export interface HandoffTicketView {
  id: string;
  address: ChannelAddress;
  status: 'OPEN' | 'RESOLVED';
  reason: string;
  transcript: TranscriptLine[];
  slackChannel: string | null;
  slackThreadTs: string | null;
  createdAt: Date;
}

/**
 * The human desk. The engine opens tickets and forwards candidate messages while staff hold a
 * conversation; the Slack adapter attaches threads, relays staff replies and resolves tickets.
 * Every outward message goes through the outbox, so it is delivered once, by one instance.
 */
export interface HandoffDesk {
  open(address: ChannelAddress, reason: string, transcript: TranscriptLine[]): Promise<HandoffTicketView>;
  activeFor(address: ChannelAddress): Promise<HandoffTicketView | null>;
  forwardCandidateMessage(ticketId: string, text: string): Promise<void>;
  attachThread(ticketId: string, slackChannel: string, threadTs: string): Promise<void>;
  get(ticketId: string): Promise<HandoffTicketView | null>;
  findByThread(threadTs: string): Promise<HandoffTicketView | null>;
  staffReply(ticketId: string, text: string, staffName: string): Promise<void>;
  /** Closes the ticket; the candidate is told the bot is back unless `notifyCandidate` is false (they ended it themselves). */
  resolve(ticketId: string, staffName: string, options?: { notifyCandidate?: boolean }): Promise<void>;
}
