export interface BatchGeneratorSchema {
  name: string;
  skipFormat?: boolean;
}
