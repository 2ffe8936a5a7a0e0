import { invalidParameter } from './errors.ts';

/** One message attribute as Publish carries it, and as the JSON read-back shows it. */
export interface MessageAttribute {
  readonly DataType: string;
  readonly StringValue: string;
}

export type MessageAttributes = Readonly<Record<string, MessageAttribute>>;

const DATA_TYPE = /^(String|Number|Binary)(\..+)?$/;

/**
 * `MessageAttributes.entry.N.Name`, `.Value.DataType` and `.Value.StringValue` of a Query form
 * (N from 1), read into a map by name. An entry without its type or value is AWS's
 * `InvalidParameter`, naming the attribute.
 */
export function readMessageAttributes(form: URLSearchParams): MessageAttributes {
  const attributes: Record<string, MessageAttribute> = {};

  for (let n = 1; form.has(`MessageAttributes.entry.${n}.Name`); n++) {
    const prefix = `MessageAttributes.entry.${n}`;
    const name = form.get(`${prefix}.Name`) ?? '';
    const dataType = form.get(`${prefix}.Value.DataType`);
    const value =
      form.get(`${prefix}.Value.StringValue`) ?? form.get(`${prefix}.Value.BinaryValue`);

    if (!dataType || !DATA_TYPE.test(dataType)) {
      throw invalidParameter(
        'MessageAttributes',
        `The message attribute '${name}' has an invalid message attribute type, the set of ` +
          'supported type prefixes is Binary, Number, and String.',
      );
    }
    if (value === null || value === '') {
      throw invalidParameter(
        'MessageAttributes',
        `The message attribute '${name}' must contain non-empty message attribute value for ` +
          `message attribute type '${dataType}'.`,
      );
    }
    attributes[name] = { DataType: dataType, StringValue: value };
  }
  return attributes;
}
