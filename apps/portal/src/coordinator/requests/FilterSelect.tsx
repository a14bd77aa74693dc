import { Button, Label, ListBox, ListBoxItem, Popover, Select, SelectValue } from 'react-aria-components';

/** "" is "all": React Aria needs a key for every option, and the URL leaves an empty filter out. */
export const ALL = '';

/** A labelled filter (React Aria's Select: a button opening a list box, by keyboard too). */
export function FilterSelect({ label, value, options, onChange }: { label: string; value: string; options: { id: string; name: string }[]; onChange: (value: string) => void }) {
  return (
    <Select className="field select" selectedKey={value} onSelectionChange={(key) => onChange(String(key ?? ALL))}>
      <Label className="field__label">{label}</Label>
      <Button className="field__input select__button">
        <SelectValue />
        <span aria-hidden="true">▾</span>
      </Button>
      <Popover className="popover select__popover">
        <ListBox className="select__list" items={options}>
          {(option) => (
            <ListBoxItem id={option.id} className="select__option">
              {option.name}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}
