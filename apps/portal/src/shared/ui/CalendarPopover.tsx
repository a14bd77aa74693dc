import { Button, Calendar, CalendarCell, CalendarGrid, Dialog, Heading, Popover, RangeCalendar } from 'react-aria-components';

/** The button beside a date field that opens its calendar. */
export function CalendarButton({ label, className }: { label: string; className: string }) {
  return (
    <Button className={className} aria-label={label}>
      {/* Drawn, not a glyph: not every phone has a font with one. */}
      <svg aria-hidden="true" width="22" height="22" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2">
        <rect x="3" y="5" width="18" height="16" rx="2" />
        <path d="M3 10h18M8 3v4M16 3v4" />
      </svg>
    </Button>
  );
}

/** The calendar a DatePicker (one day) or DateRangePicker (`range`: first and last day) opens (styles.css: .popover, .calendar). */
export function CalendarPopover({ range = false }: { range?: boolean }) {
  const content = (
    <>
      <header className="calendar__header">
        <Button slot="previous" className="button button--quiet">
          ‹
        </Button>
        <Heading className="calendar__heading" />
        <Button slot="next" className="button button--quiet">
          ›
        </Button>
      </header>
      <CalendarGrid>{(date) => <CalendarCell date={date} className="calendar__cell" />}</CalendarGrid>
    </>
  );
  return (
    <Popover className="popover">
      <Dialog className="popover__dialog">{range ? <RangeCalendar className="calendar">{content}</RangeCalendar> : <Calendar className="calendar calendar--single">{content}</Calendar>}</Dialog>
    </Popover>
  );
}
