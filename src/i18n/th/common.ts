// Thai text shared by every screen: the site frame, errors, paging.
export const common = {
  productName: 'Open ITAS',
  productTagline: 'ระบบการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ',
  skipToContent: 'ข้ามไปยังเนื้อหาหลัก',
  switchLanguage: 'English',
  switchLanguageLabel: 'Switch to English',
  nav: { home: 'หน้าแรก', agencies: 'หน่วยงาน', openData: 'ข้อมูลเปิด' },
  footer: {
    about: 'Open ITAS เป็นซอฟต์แวร์โอเพนซอร์สสำหรับการประเมิน ITA',
    licence: 'ข้อมูลเผยแพร่ภายใต้สัญญาอนุญาต Creative Commons Attribution 4.0',
  },
  home: {
    title: 'การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ',
    lead: 'ค้นหาหน่วยงาน ติดตามผลการประเมิน และตอบแบบวัดการรับรู้ได้จากโทรศัพท์มือถือ',
    searchLabel: 'ค้นหาหน่วยงาน',
    searchHint: 'พิมพ์ชื่อหน่วยงานบางส่วน เช่น ลำพูน',
    searchButton: 'ค้นหา',
    agenciesCount: (n: string) => `มีหน่วยงานในทะเบียน ${n} แห่ง`,
  },
  errors: {
    notFoundTitle: 'ไม่พบหน้าที่ต้องการ',
    notFoundBody: 'ตรวจสอบที่อยู่ของหน้าอีกครั้ง หรือกลับไปที่หน้าแรก',
    serverTitle: 'ขออภัย ระบบขัดข้อง',
    serverBody: 'เกิดปัญหาภายในระบบ เราได้บันทึกไว้แล้ว กรุณาลองใหม่อีกครั้ง',
    reference: (id: string) => `หมายเลขอ้างอิง ${id}`,
    backHome: 'กลับไปหน้าแรก',
    errorPrefix: 'ข้อผิดพลาด: ',
    summaryTitle: 'มีข้อผิดพลาด',
  },
  paging: {
    previous: 'ก่อนหน้า',
    next: 'ถัดไป',
    pageOf: (page: string, pages: string) => `หน้า ${page} จาก ${pages}`,
    label: 'การแบ่งหน้า',
  },
};
